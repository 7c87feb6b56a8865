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

#endif
