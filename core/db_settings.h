/* Operator settings in the database (schema/006_settings.sql): a key and a
 * text value, set with obctl, read by the programs at start-up.  Each
 * function runs in the caller's transaction if there is one.  Error code
 * "storage" (SQLite), "argument" (a value that does not fit). */
#ifndef OB_DB_SETTINGS_H
#define OB_DB_SETTINGS_H

#include <stddef.h>

#include "store.h"

/* The external GOST verifier's base URL (core/sig_gost.h). */
#define SETTING_GOST_VERIFIER "gost-verifier"

/* Copies the value of key into buf.  1 when set, 0 when not (buf ""), -1
 * on error, also when the value does not fit in size bytes. */
int db_setting_get(struct store *st, const char *key, char *buf, size_t size, struct ob_err *err);
/* Sets key to value, replacing an earlier value. */
int db_setting_set(struct store *st, const char *key, const char *value, struct ob_err *err);
/* Removes key: it is back to its default.  1 when it was set, 0 when not. */
int db_setting_unset(struct store *st, const char *key, struct ob_err *err);

#endif
