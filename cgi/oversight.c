/* POST /api/oversight/requests, /decisions, /blocks (issue 7; Order
 * No. 270, A-8, A-9, A-11, A-15): an oversight body, signing with its
 * legal-entity certificate, asks access for an employee or asks to block
 * one; the operator approves, refuses (with a justification) or grants.
 * The rules are core/oversight.c's, run in the writer's transaction after
 * the evidence is stored: a refusal rolls everything back, nonce included. */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "oversight.h"
#include "server.h"

/* ---- requests (A-8) ---- */

struct request_job {
	struct signed_req *r;
	char *f[8];                /* the form's fields, in the order of names[] */
	struct ov_person p;
	struct receipt out;
};

static const char *const names[8] = { "full-name", "iin", "position", "unit", "qr", "phone", "email",
                                      "purpose" };

static int store_request(struct store *st, void *arg, struct ob_err *err)
{
	struct request_job *j = arg;

	if (signed_store(st, j->r, err) != 0 || oversight_request(st, &j->r->sub, &j->p, &j->out.request, err) != 0)
		return -1;
	snprintf(j->out.status, sizeof j->out.status, "pending");
	return 0;
}

void handle_oversight_requests(struct worker *w)
{
	struct signed_req r;
	struct request_job j = { .r = &r };
	struct ob_err err = { 0 };

	if (signed_req_read(w, &r, "oversight-request", w->srv->max_body) != 0)
		return;
	for (int i = 0; i < 8; i++)
		j.f[i] = signed_child_text(&r, names[i]);
	j.p = (struct ov_person){ .full_name = j.f[0], .iin = j.f[1], .position = j.f[2], .unit = j.f[3],
	                          .qr = j.f[4], .phone = j.f[5], .email = j.f[6], .purpose = j.f[7] };
	/* The form is checked by the worker; the body is the writer's. */
	if (oversight_person_check(&j.p, &err) != 0) {
		reply_err(w, &err);
		signed_req_free(&r);
	} else {
		signed_finish(w, &r, store_request, &j, &j.out);
	}
	for (int i = 0; i < 8; i++)
		free(j.f[i]);
}

/* ---- decisions (A-9) ---- */

struct decision_job {
	struct signed_req *r;
	long long request;
	char decision[9];
	char *justification;
	struct receipt out;
};

static int store_decision(struct store *st, void *arg, struct ob_err *err)
{
	struct decision_job *j = arg;
	struct ob_date today;
	long long account;

	if (signed_store(st, j->r, err) != 0)
		return -1;
	if (strcmp(j->decision, "grant") == 0) {
		if (ob_today(&today) != 0)
			return ob_err_set(err, "internal", 0, "cannot tell today's date"), -1;
		if (oversight_grant(st, &j->r->sub, j->request, today, &account, err) != 0)
			return -1;
	} else if (oversight_decide(st, &j->r->sub, j->request, j->decision, j->justification, err) != 0) {
		return -1;
	}
	snprintf(j->out.status, sizeof j->out.status, "accepted");
	j->out.request = j->request;
	return 0;
}

void handle_oversight_decisions(struct worker *w)
{
	struct signed_req r;
	struct decision_job j = { .r = &r };
	char num[24];

	if (signed_req_read(w, &r, "oversight-decision", w->srv->max_body) != 0)
		return;
	j.request = strtoll(signed_attr(&r, "request", num, sizeof num), NULL, 10);
	signed_attr(&r, "decision", j.decision, sizeof j.decision);
	j.justification = signed_child_text(&r, "justification");
	signed_finish(w, &r, store_decision, &j, &j.out);
	free(j.justification);
}

/* ---- blocks (A-9) ---- */

struct block_job {
	struct signed_req *r;
	char iin[33], reason[33];
	struct ob_date left;
	struct receipt out;
};

static int store_block(struct store *st, void *arg, struct ob_err *err)
{
	struct block_job *j = arg;
	long long account;

	if (signed_store(st, j->r, err) != 0 ||
	    oversight_block(st, &j->r->sub, j->iin, j->left, j->reason, &account, err) != 0)
		return -1;
	snprintf(j->out.status, sizeof j->out.status, "accepted");
	return 0;
}

void handle_oversight_blocks(struct worker *w)
{
	struct signed_req r;
	struct block_job j = { .r = &r };
	struct ob_err err = { 0 };
	char left[33];

	if (signed_req_read(w, &r, "oversight-block", w->srv->max_body) != 0)
		return;
	signed_attr(&r, "iin", j.iin, sizeof j.iin);
	signed_attr(&r, "reason", j.reason, sizeof j.reason);
	if (!iin_valid(j.iin))
		ob_err_set(&err, "iin-invalid", 0, "\"%s\" is not an IIN", j.iin);
	else if (date_parse(signed_attr(&r, "left", left, sizeof left), &j.left) != 0)
		ob_err_set(&err, "date-invalid", 0, "left=\"%s\" is not a date (YYYY-MM-DD)", left);
	if (err.code[0] != '\0') {
		reply_err(w, &err);
		signed_req_free(&r);
		return;
	}
	signed_finish(w, &r, store_block, &j, &j.out);
}
