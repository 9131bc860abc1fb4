/* regex_groups.c: the capture groups of =~ (matched(), ngroups()): a lockstep simulation of the
 * regex's capture program (a Pike VM), run after the DFA has said the subject matches. Threads are
 * kept in priority order and one per instruction, so a match takes time linear in the subject times
 * the program, with no backtracking; the match chosen is the leftmost, then the longest, and among
 * equal ones the highest-priority path (greedy repeats, first alternatives), whose groups keep their
 * last iteration. */
#include "session.h"

/* the workspace of program p: two thread lists of ninsn threads (pc, slots), per-instruction marks,
 * the closure stack (two words an entry) and the slots being built */
static uint64_t words_of(const struct svm_rxprog *p)
{
	return 2ull * p->ninsn * (p->nslots + 1) + p->ninsn + 4ull * p->ninsn + 4 + p->nslots;
}

uint64_t svm_rx_workspace(const struct svm_module *m)
{
	uint64_t most = 0;
	for (uint32_t i = 0; i < m->nrxprog; i++)
		if (words_of(&m->rxprog[i]) > most) most = words_of(&m->rxprog[i]);
	return most;
}

struct rxrun {
	const struct svm_rxprog *p;
	int32_t len, *gen, *stack, *cur;
	int32_t g;
};

/* adds the thread at pc (slots r->cur, at subject offset pos) and its epsilon closure to list,
 * highest priority first; an instruction already on the list this step is not added again */
static void add_thread(struct rxrun *r, int32_t *list, uint32_t *n, uint32_t pc, int32_t pos)
{
	const struct svm_rxprog *p = r->p;
	uint32_t w = p->nslots + 1, sp = 0;
	int32_t *st = r->stack;
	st[sp++] = (int32_t)pc; st[sp++] = 0;
	while (sp) {
		int32_t a, b;
		const struct svm_rxinsn *in;
		sp -= 2; a = st[sp]; b = st[sp + 1];
		if (a < 0) { r->cur[-1 - a] = b; continue; }   /* leaving a SAVE: its slot's old value */
		if (r->gen[a] == r->g) continue;
		r->gen[a] = r->g;
		in = &p->code[a];
		switch (in->op) {
		case RXI_FORK:
			st[sp++] = in->n2; st[sp++] = 0;
			st[sp++] = in->n1; st[sp++] = 0;
			break;
		case RXI_BOL: if (pos == 0) { st[sp++] = in->n1; st[sp++] = 0; } break;
		case RXI_EOL: if (pos == r->len) { st[sp++] = in->n1; st[sp++] = 0; } break;
		case RXI_SAVE:
			st[sp++] = -1 - (int32_t)in->slot; st[sp++] = r->cur[in->slot];
			r->cur[in->slot] = pos;
			st[sp++] = in->n1; st[sp++] = 0;
			break;
		default: {   /* BYTE and MATCH wait on the list */
			int32_t *t = list + (size_t)(*n)++ * w;
			t[0] = a;
			for (uint32_t k = 0; k < p->nslots; k++) t[1 + k] = r->cur[k];
		}
		}
	}
}

/* the groups of the last =~ (regex x on subj, which the DFA matched when matched != 0) */
void svm_rx_record(struct svm_exec *s, uint32_t x, const char *subj, int matched)
{
	const struct svm_rxprog *p = &s->m->rxprog[x];
	uint32_t w = p->nslots + 1, nc = 0, nn;
	int32_t *clist = s->rxws, *nlist = clist + (size_t)p->ninsn * w, *tmp;
	struct rxrun r = { p, 0, nlist + (size_t)p->ninsn * w, 0, 0, 1 };
	int found = 0;
	s->rxnslots = 0;
	if (!matched) return;
	r.stack = r.gen + p->ninsn;
	r.cur = r.stack + 4 * (size_t)p->ninsn + 4;
	while ((uint32_t)r.len + 1 < s->maxstr && subj[r.len]) r.len++;
	for (uint32_t k = 0; k < p->ninsn; k++) r.gen[k] = 0;
	for (int32_t i = 0; i <= r.len; i++) {
		if (!found) {   /* a match may start here: the lowest-priority thread */
			for (uint32_t k = 0; k < p->nslots; k++) r.cur[k] = -1;
			add_thread(&r, clist, &nc, 0, i);
		}
		if (!nc && found) break;
		r.g++;
		nn = 0;
		for (uint32_t k = 0; k < nc; k++) {
			const int32_t *t = clist + (size_t)k * w;
			const struct svm_rxinsn *in = &p->code[t[0]];
			if (found && t[1] > s->rxslot[0]) break;   /* the list is in start order: leftmost wins */
			if (in->op == RXI_MATCH) {
				if (!found || t[1] < s->rxslot[0] || (t[1] == s->rxslot[0] && t[2] > s->rxslot[1]))
					for (uint32_t j = 0; j < p->nslots; j++) s->rxslot[j] = t[1 + j];
				found = 1;
			} else if (i < r.len && p->sets[(size_t)in->set * 32 + ((uint8_t)subj[i] >> 3)] >> ((uint8_t)subj[i] & 7) & 1) {
				for (uint32_t j = 0; j < p->nslots; j++) r.cur[j] = t[1 + j];
				add_thread(&r, nlist, &nn, in->n1, i + 1);
			}
		}
		tmp = clist; clist = nlist; nlist = tmp;
		nc = nn;
	}
	if (!found) return;
	for (int32_t i = 0; i <= r.len; i++) s->rxsubj[i] = subj[i];
	s->rxsubj[r.len] = 0;
	s->rxnslots = p->nslots;
}
