/* obctl: the one administrative CLI.  One function per command. */
#ifndef OB_CTL_H
#define OB_CTL_H

#include "err.h"
#include "store.h"

/* The database path: --db PATH, else $OB_DB, else ./portal.db. */
extern const char *ctl_db_path;

/* Prints "where:line: code: message" (where is a file or a command). */
void ctl_report(const char *where, const struct ob_err *err);
struct store *ctl_open(int flags);

int cmd_init(int argc, char **argv);
int cmd_reference(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_role(int argc, char **argv);
int cmd_trust(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_queue(int argc, char **argv);
int cmd_unanswered(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_compliance(int argc, char **argv);
int cmd_lifecycle(int argc, char **argv);
int cmd_reports(int argc, char **argv);
int cmd_oversight(int argc, char **argv);

/* obctl init: loads each data/calendar/YYYY.xml whose year the database
 * does not have yet (ctl/cmd_calendar.c); 0, or -1 after reporting. */
int ctl_calendar_init(struct store *st);

#endif
