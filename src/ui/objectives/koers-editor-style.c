/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-editor-style.h"
#include "widgets/koers-style.h"

void
koers_editor_style_ensure (void)
{
  static GdkDisplay *styled_display = NULL;

  koers_style_load_once (&styled_display, "/io/github/koersapp/Koers/ui/objectives/editor.css");
}

const char *
koers_editor_style_get_status_icon (KoersKrStatus status)
{
  switch (status)
    {
    case KOERS_KR_STATUS_ON_TRACK:
      return "go-next-symbolic";
    case KOERS_KR_STATUS_ACHIEVED:
      return "emblem-ok-symbolic";
    case KOERS_KR_STATUS_AT_RISK:
      return "dialog-warning-symbolic";
    case KOERS_KR_STATUS_OFF_TRACK:
      return "dialog-error-symbolic";
    case KOERS_KR_STATUS_IN_PROGRESS:
    default:
      return "emblem-synchronizing-symbolic";
    }
}

const char *
koers_editor_style_get_status_css_class (KoersKrStatus status)
{
  switch (status)
    {
    case KOERS_KR_STATUS_ON_TRACK:
      return "status-on-track";
    case KOERS_KR_STATUS_ACHIEVED:
      return "status-achieved";
    case KOERS_KR_STATUS_AT_RISK:
      return "status-at-risk";
    case KOERS_KR_STATUS_OFF_TRACK:
      return "status-off-track";
    case KOERS_KR_STATUS_IN_PROGRESS:
    default:
      return "status-in-progress";
    }
}
