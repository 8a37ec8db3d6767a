#pragma once

#include "yishi-meeting-snapshot.h"

G_BEGIN_DECLS

/* The minutes (会议记录) of a meeting. Facts — who came, what was voted
 * and decided — are never copied into the minutes: they are read from
 * the meeting's record each time, so the text cannot contradict them.
 * What the secretary writes is kept here: the discussion of each agenda
 * item (prefilled from the speakers' notes) and the other matters.
 *
 * draft → submitted → approved → frozen, one step at a time, never back:
 * - submitted: the secretary hands the draft to the chair; it can still
 *   go back to draft (yishi_minutes_store_reopen);
 * - approved: by the chair's sign-off, or by a vote at a later meeting of
 *   the same council (a passed motion of that meeting, recorded). At
 *   approval the SHA-256 digest of the minutes' canonical form is
 *   computed, chained to the digest of the council's previously approved
 *   minutes, and the minutes and the meeting's record are locked;
 * - frozen: the signed paper copy is filed; nothing changes any more.
 * A correction after approval is a corrigendum (更正) linked to the
 * minutes, never an edit. */

typedef enum
{
  YISHI_MINUTES_DRAFT,     /* "draft" */
  YISHI_MINUTES_SUBMITTED, /* "submitted" */
  YISHI_MINUTES_APPROVED,  /* "approved" */
  YISHI_MINUTES_FROZEN,    /* "frozen" */
} YishiMinutesState;

typedef enum
{
  YISHI_APPROVAL_NONE,  /* "": not approved yet */
  YISHI_APPROVAL_CHAIR, /* "chair": the chair signed off */
  YISHI_APPROVAL_VOTE,  /* "vote": a motion passed at a later meeting */
} YishiApprovalKind;

/* The length of a SHA-256 digest in lower-case hex, and of the short
 * digest printed in the footer of every export. */
#define YISHI_MINUTES_DIGEST_LENGTH 64
#define YISHI_MINUTES_SHORT_DIGEST  12

typedef struct
{
  gint64  agenda_item_id;
  char   *discussion;   /* the secretary's text; "" when none */
} YishiMinutesItem;

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *text;
  char   *made_at;      /* stored timestamp */
} YishiCorrigendum;

/* The minutes with the meeting they record: one snapshot, read in one
 * transaction, which every export and the editor use. */
typedef struct
{
  gint64                id;
  char                 *uuid;
  YishiMinutesState     state;
  char                 *other_matters;   /* "" when none */
  GPtrArray            *items;           /* YishiMinutesItem, in agenda order, one per agenda item */
  char                 *submitted_at;    /* NULL until submitted */
  YishiApprovalKind     approval;
  char                 *approved_at;     /* NULL until approved */
  char                 *approved_by;     /* the chair's name, or "" */
  gint64                approval_motion_id; /* with YISHI_APPROVAL_VOTE; 0 otherwise */
  char                 *approval_meeting; /* the later meeting's title, with a vote; NULL otherwise */
  char                 *frozen_at;       /* NULL until frozen */
  char                 *digest;          /* hex, NULL until approved */
  char                 *previous_digest; /* hex of the council's previous approved minutes; "" for the first */
  GPtrArray            *corrigenda;      /* YishiCorrigendum, oldest first */
  YishiMeetingSnapshot *meeting;         /* the record */
} YishiMinutes;

/* A motion that could approve the minutes of an earlier meeting. */
typedef struct
{
  gint64  motion_id;
  gint64  meeting_id;
  char   *meeting;     /* its meeting's title */
  char   *starts_at;   /* its meeting's start, as stored */
  char   *text;
} YishiApprovalMotion;

/* What verifying found wrong with one minutes. */
typedef struct
{
  gint64  minutes_id;
  gint64  meeting_id;
  char   *meeting;      /* its title */
  char   *problem;      /* translated: what does not match */
} YishiMinutesMismatch;

const char   *yishi_minutes_state_to_key    (YishiMinutesState   state);
gboolean      yishi_minutes_state_from_key  (const char         *key,
                                             YishiMinutesState  *out_state);
const char   *yishi_minutes_state_label     (YishiMinutesState   state);

const char   *yishi_approval_kind_to_key    (YishiApprovalKind   kind);
gboolean      yishi_approval_kind_from_key  (const char         *key,
                                             YishiApprovalKind  *out_kind);
const char   *yishi_approval_kind_label     (YishiApprovalKind   kind);

/* Empty minutes for a reader that rebuilds them from an exported file:
 * the arrays free YishiMinutesItem and YishiCorrigendum rows allocated
 * with g_malloc0 (strings with g_strdup), and the meeting is
 * yishi_meeting_snapshot_new (). */
YishiMinutes *yishi_minutes_new             (void);
void          yishi_minutes_free            (YishiMinutes       *minutes);
void          yishi_minutes_mismatch_free   (YishiMinutesMismatch *mismatch);
void          yishi_approval_motion_free    (YishiApprovalMotion *motion);

/* The secretary's text for the agenda item @item_id, "" when none. */
const char   *yishi_minutes_get_discussion  (const YishiMinutes *minutes,
                                             gint64              item_id);

/* The meeting's minutes, made as a draft the first time (the discussion
 * of each item prefilled from its speeches' notes). A meeting must be
 * closed to have minutes. */
YishiMinutes *yishi_minutes_store_get       (YishiDatabase      *db,
                                             gint64              meeting_id,
                                             GError            **error);
/* The meeting's minutes if it has any, without making a draft: NULL
 * with no @error when it has none yet. */
YishiMinutes *yishi_minutes_store_find      (YishiDatabase      *db,
                                             gint64              meeting_id,
                                             GError            **error);
/* In draft only. @discussions: one per agenda item, in agenda order (a
 * NULL element leaves that item as it is); @other_matters may be NULL. */
gboolean      yishi_minutes_store_save      (YishiDatabase      *db,
                                             gint64              meeting_id,
                                             const char * const *discussions,
                                             guint               n_discussions,
                                             const char         *other_matters,
                                             GError            **error);
gboolean      yishi_minutes_store_submit    (YishiDatabase      *db,
                                             gint64              meeting_id,
                                             GError            **error);
/* submitted → draft, for changes the chair asked for. */
gboolean      yishi_minutes_store_reopen    (YishiDatabase      *db,
                                             gint64              meeting_id,
                                             GError            **error);
/* submitted → approved by the chair's sign-off (the meeting needs a chair). */
gboolean      yishi_minutes_store_approve_by_chair (YishiDatabase *db,
                                             gint64              meeting_id,
                                             GError            **error);
/* submitted → approved by @motion_id, a passed motion of a later meeting
 * of the same council. */
gboolean      yishi_minutes_store_approve_by_vote (YishiDatabase  *db,
                                             gint64              meeting_id,
                                             gint64              motion_id,
                                             GError            **error);
/* draft or submitted → approved in one transaction: a draft is submitted
 * first. By @motion_id as yishi_minutes_store_approve_by_vote () when it
 * is not 0, else by the chair. Refused, the minutes stay as they were. */
gboolean      yishi_minutes_store_submit_and_approve (YishiDatabase *db,
                                             gint64              meeting_id,
                                             gint64              motion_id,
                                             GError            **error);
/* The passed motions of the later meetings of the meeting's council,
 * which yishi_minutes_store_approve_by_vote () takes: the latest
 * meeting first, then in agenda order. */
GPtrArray    *yishi_minutes_store_list_approval_motions (YishiDatabase *db,
                                             gint64              meeting_id,
                                             GError            **error);
gboolean      yishi_minutes_store_freeze    (YishiDatabase      *db,
                                             gint64              meeting_id,
                                             GError            **error);
/* After approval only; @text must not be blank. Returns its id. */
gint64        yishi_minutes_store_add_corrigendum (YishiDatabase *db,
                                             gint64              meeting_id,
                                             const char         *text,
                                             GError            **error);

/* The canonical form the digest is taken over: UTF-8 text, one field a
 * line as "key=value" with "\\" and "\n" escaped, in a fixed order
 * (documented in docs/minutes-digest.md), ending with the previous
 * digest. Exports and verification of an exported file rebuild it from
 * what the file holds. The ids in @minutes only link its parts — a
 * discussion to its agenda item, a motion to its item and to the motion
 * it amends, a resolution to its item (0: none) — so a reader of an
 * exported file may number them as it likes; the order of
 * @minutes->meeting->motions numbers the motions, and the arrays'
 * orders are the record's (attendance, observers and roll calls are
 * sorted by the form itself). */
char         *yishi_minutes_canonical_form  (const YishiMinutes *minutes);
/* SHA-256 of the canonical form, lower-case hex. */
char         *yishi_minutes_compute_digest  (const YishiMinutes *minutes);

/* Checks every approved minutes of the database (@meeting_id 0), or one:
 * each digest against its recomputed canonical form, and each link of
 * each council's chain. Returns the mismatches (empty: all is well), or
 * NULL with @error when the file cannot be read. One minutes may be
 * named twice, for its digest and for its link. A @meeting_id whose
 * minutes are not approved is an error: YISHI_ERROR_ILLEGAL_TRANSITION,
 * or YISHI_ERROR_NOT_FOUND when it has none. */
GPtrArray    *yishi_minutes_store_verify    (YishiDatabase      *db,
                                             gint64              meeting_id,
                                             GError            **error);

/* How many minutes are approved or frozen; -1 with @error on failure. */
gint64        yishi_minutes_store_count_approved (YishiDatabase *db,
                                             GError            **error);

/* Stores minutes read from an exported file, with the meeting they
 * record, keyed by UUID: minutes already here are left as they are
 * (@out_created FALSE). People and the council are found by name and made
 * when missing. Refused when the meeting is here with other minutes, or
 * when the minutes were approved by a vote at a meeting the file does not
 * hold; and when the stored record would not give the file's digest. One
 * transaction. */
gboolean      yishi_minutes_store_import    (YishiDatabase      *db,
                                             const YishiMinutes *minutes,
                                             gboolean           *out_created,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiMinutes, yishi_minutes_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiMinutesMismatch, yishi_minutes_mismatch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiApprovalMotion, yishi_approval_motion_free)

G_END_DECLS
