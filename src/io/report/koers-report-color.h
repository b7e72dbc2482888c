/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A colour of the report, in Cairo's terms. */
typedef struct
{
  double r, g, b;
} KoersReportColor;

G_END_DECLS
