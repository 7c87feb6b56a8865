/* GET /api/receipts/{id}: the status of a submission (issue 4.2).  The id
 * is 128 random bits, so statuses cannot be enumerated. */
#include <string.h>

#include "server.h"

void handle_receipts(struct worker *w, const char *id)
{
	struct receipt r;
	struct ob_err err = { 0 };
	int rc;

	if (strcmp(req_param(w, "REQUEST_METHOD"), "GET") != 0) {
		reply_error(w, "method", "use GET");
		return;
	}
	if (strlen(id) != RECEIPT_ID_LEN || strspn(id, "0123456789abcdef") != RECEIPT_ID_LEN) {
		reply_error(w, "receipt-unknown", NULL);
		return;
	}
	if ((rc = db_receipt(w->ro, id, &r, &err)) < 0)
		reply_err(w, &err);
	else if (rc == 0)
		reply_error(w, "receipt-unknown", NULL);
	else
		reply_receipt(w, 200, &r);
}
