/* GET /api/challenge: a nonce for one signed submission, valid 5 minutes
 * (issue 4.2).  Stateless: nothing is written until it is used. */
#include <string.h>

#include "clock.h"
#include "nonce.h"
#include "server.h"

void handle_challenge(struct worker *w)
{
	char nonce[NONCE_LEN + 1], expires[21];
	long long now = ob_now();
	xmlDocPtr doc;
	xmlNodePtr root;

	if (strcmp(req_param(w, "REQUEST_METHOD"), "GET") != 0) {
		reply_error(w, "method", "use GET");
		return;
	}
	if (nonce_make(w->srv->nonce_key, now, nonce) != 0) {
		reply_error(w, "internal", "no randomness");
		return;
	}
	doc = xmlNewDoc((const xmlChar *)"1.0");
	root = xmlNewNode(NULL, (const xmlChar *)"challenge");
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)"urn:obkz:doc:1", NULL));
	xmlDocSetRootElement(doc, root);
	xmlSetProp(root, (const xmlChar *)"nonce", (const xmlChar *)nonce);
	xmlSetProp(root, (const xmlChar *)"expires", (const xmlChar *)ob_time_format(now + NONCE_TTL, expires));
	reply_xml(w, 200, doc);
	xmlFreeDoc(doc);
}
