-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 1, exactly as koers-store-schema.c creates it (the test checks that).
PRAGMA application_id = 1263486290;
PRAGMA user_version = 1;
CREATE TABLE departments (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL CHECK (name <> ''),
  emoji       TEXT,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  parent_id   INTEGER REFERENCES departments (id) ON DELETE SET NULL,
  is_company  INTEGER NOT NULL DEFAULT 0 CHECK (is_company IN (0, 1)),
  created     INTEGER NOT NULL,
  updated     INTEGER NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (is_company = 0 OR parent_id IS NULL)
);
CREATE UNIQUE INDEX departments_one_company ON departments (is_company)
  WHERE is_company = 1;
CREATE INDEX departments_parent ON departments (parent_id);
CREATE TABLE objectives (
  id                   INTEGER PRIMARY KEY,
  uuid                 TEXT NOT NULL UNIQUE,
  department_id        INTEGER NOT NULL
                       REFERENCES departments (id) ON DELETE CASCADE,
  title                TEXT NOT NULL CHECK (title <> ''),
  description          TEXT,
  level                TEXT NOT NULL,
  kind                 TEXT NOT NULL,
  period               TEXT NOT NULL CHECK (period <> ''),
  owner                TEXT,
  aligned_to_id        INTEGER REFERENCES objectives (id) ON DELETE SET NULL,
  state                TEXT NOT NULL,
  carried_over_from_id INTEGER REFERENCES objectives (id) ON DELETE SET NULL,
  position             INTEGER NOT NULL DEFAULT 0,
  created              INTEGER NOT NULL,
  updated              INTEGER NOT NULL,
  CHECK (aligned_to_id IS NULL OR aligned_to_id <> id),
  CHECK (carried_over_from_id IS NULL OR carried_over_from_id <> id)
);
CREATE INDEX objectives_department ON objectives (department_id, period, position);
CREATE INDEX objectives_aligned_to ON objectives (aligned_to_id);
CREATE INDEX objectives_carried_over_from ON objectives (carried_over_from_id);
CREATE TABLE key_results (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  objective_id  INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
  title         TEXT NOT NULL CHECK (title <> ''),
  metric_kind   TEXT NOT NULL,
  unit          TEXT,
  start_value   REAL NOT NULL DEFAULT 0,
  target_value  REAL NOT NULL DEFAULT 0,
  current_value REAL NOT NULL DEFAULT 0,
  due_date      TEXT CHECK (due_date IS NULL OR due_date GLOB
                  '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  owner         TEXT,
  weight        REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
  position      INTEGER NOT NULL DEFAULT 0,
  created       INTEGER NOT NULL,
  updated       INTEGER NOT NULL
);
CREATE INDEX key_results_objective ON key_results (objective_id, position);
CREATE TABLE checkins (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  key_result_id INTEGER NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
  date          TEXT NOT NULL CHECK (date GLOB
                  '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  value         REAL NOT NULL,
  status        TEXT NOT NULL,
  note          TEXT,
  author        TEXT,
  created       INTEGER NOT NULL,
  updated       INTEGER NOT NULL
);
CREATE INDEX checkins_key_result ON checkins (key_result_id, date);

-- A database as Koers 0.1 (schema 1) wrote it, for the migration test.
INSERT INTO departments (id, uuid, name, emoji, sort_order, parent_id, is_company, created, updated) VALUES
  (1, '6f1c2a52-0d1e-4c2b-9a57-1b7d7e0c0001', 'Company', '🏢', 0, NULL, 1, 1767225600000000, 1767225600000000),
  (2, '6f1c2a52-0d1e-4c2b-9a57-1b7d7e0c0002', 'Sales', '🧾', 1, NULL, 0, 1767225600000000, 1767225600000000),
  (3, '6f1c2a52-0d1e-4c2b-9a57-1b7d7e0c0003', 'Key accounts', '🤝', 2, 2, 0, 1767225600000000, 1767312000000000);
INSERT INTO objectives (id, uuid, department_id, title, description, level, kind, period, owner, aligned_to_id, state, carried_over_from_id, position, created, updated) VALUES
  (1, '0b0e5d0e-62a4-4d0c-8f43-8c3f0e0a0001', 1, 'Increase sales results.', 'The company''s main goal', 'company', 'committed', '2026', 'Sales director', NULL, 'active', NULL, 0, 1767225600000000, 1767225600000000),
  (2, '0b0e5d0e-62a4-4d0c-8f43-8c3f0e0a0002', 2, 'Reach quarterly revenue of €1 million.', NULL, 'department', 'aspirational', '2026-Q1', 'Sales director', 1, 'missed', NULL, 0, 1767225600000000, 1767225600000000),
  (3, '0b0e5d0e-62a4-4d0c-8f43-8c3f0e0a0003', 2, 'Reach quarterly revenue of €1 million.', NULL, 'department', 'aspirational', '2026-Q2', 'Sales director', 1, 'active', 2, 0, 1775001600000000, 1775001600000000);
INSERT INTO key_results (id, uuid, objective_id, title, metric_kind, unit, start_value, target_value, current_value, due_date, owner, weight, position, created, updated) VALUES
  (1, '9a3e8f7c-1b2d-4e5f-8a9b-0c1d2e3f0001', 2, 'Revenue from the new product', 'currency', NULL, 0, 1000000, 640000, '2026-03-27', 'Sales director', 2, 0, 1767225600000000, 1767225600000000),
  (2, '9a3e8f7c-1b2d-4e5f-8a9b-0c1d2e3f0002', 2, 'Sales cycle', 'number', 'days', 60, 21, 35.5, NULL, NULL, 1, 1, 1767225600000000, 1767225600000000),
  (3, '9a3e8f7c-1b2d-4e5f-8a9b-0c1d2e3f0003', 3, 'Contract signed with the reseller', 'milestone', NULL, 0, 1, 0, '2026-06-12', 'Key accounts', 1, 0, 1775001600000000, 1775001600000000);
INSERT INTO checkins (id, uuid, key_result_id, date, value, status, note, author, created, updated) VALUES
  (1, 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d0001', 1, '2026-02-06', 310000, 'on-track', 'First deals closed', 'Sales director', 1770379200000000, 1770379200000000),
  (2, 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d0002', 1, '2026-03-06', 640000, 'at-risk', NULL, 'Sales director', 1772798400000000, 1772798400000000),
  (3, 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d0003', 2, '2026-03-06', 35.5, 'none', 'Nieuwe opvolging: “snel” & goed', NULL, 1772798400000000, 1772798400000000);
