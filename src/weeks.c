/* weeks.c: an item dated D belongs to the issue published on the first
 * publication weekday after D; numbers follow from the anchor. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"
#include "weeks.h"

/* Floor division, for dates before the anchor. */
static int
floordiv(int a, int b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

int
week_publication(const struct config *c, int date)
{
	int ahead = (c->weekday - date_weekday(date) + 7) % 7;

	return date + (ahead == 0 ? 7 : ahead);
}

int
week_number(const struct config *c, int date)
{
	return c->anchor_number +
	    floordiv(week_publication(c, date) - c->anchor_date, 7);
}

int
week_date(const struct config *c, int number)
{
	return c->anchor_date + 7 * (number - c->anchor_number);
}

static int
cmp_int(int a, int b)
{
	return (a > b) - (a < b);
}

int
item_cmp(const struct item *a, const struct item *b)
{
	int r;

	/* Unknown (-1) sorts last. */
	if ((r = cmp_int((unsigned)a->section, (unsigned)b->section)) ||
	    (r = cmp_int((unsigned)a->sector, (unsigned)b->sector)) ||
	    (r = cmp_int((unsigned)a->org, (unsigned)b->org)))
		return r;
	if (a->date != b->date) {
		if (a->date == DATE_NONE)
			return 1;
		if (b->date == DATE_NONE)
			return -1;
		return cmp_int(a->date, b->date);
	}
	return (a->order > b->order) - (a->order < b->order);
}

static int
qsort_issue_items(const void *a, const void *b)
{
	const struct item *x = *(struct item *const *)a;
	const struct item *y = *(struct item *const *)b;

	if (x->issue != y->issue)
		return (x->issue > y->issue) - (x->issue < y->issue);
	return item_cmp(x, y);
}

/* Items of one file, by the order they were read: files are read one
 * after another, so a file's items are one run of the corpus. */
struct file_span {
	size_t	first, end;
};

static struct file_span
file_run(const struct corpus *cs, size_t i)
{
	struct file_span r = { i, i };

	while (r.first > 0 && cs->items[r.first - 1].file == cs->items[i].file)
		r.first--;
	while (r.end < cs->n && cs->items[r.end].file == cs->items[i].file)
		r.end++;
	return r;
}

static int
cmp_date(const void *a, const void *b)
{
	return cmp_int(*(const int *)a, *(const int *)b);
}

/* Undated items take the issue most dated items of their file belong to
 * (the latest on a tie); items dated far from the rest of their file
 * are reported (a date after today is an error: weeks_check_dates). */
static void
file_issues(struct corpus *cs, const struct config *c)
{
	size_t i, j, k, n, cap = 0;
	int *dates = NULL;

	for (i = 0; i < cs->n; i = k) {
		struct file_span r = file_run(cs, i);
		int best = 0, bestn = 0, median;

		k = r.end;
		VEC_GROW(dates, cap, r.end - r.first);
		for (n = 0, j = r.first; j < r.end; j++)
			if (!cs->items[j].merged && cs->items[j].date != DATE_NONE)
				dates[n++] = cs->items[j].date;
		qsort(dates, n, sizeof(*dates), cmp_date);
		for (j = 0; j < n;) {
			size_t e = j;
			int num = week_number(c, dates[j]);

			while (e < n && week_number(c, dates[e]) == num)
				e++;
			if ((int)(e - j) >= bestn) {
				best = num;
				bestn = (int)(e - j);
			}
			j = e;
		}
		median = n ? dates[n / 2] : 0;
		for (j = r.first; j < r.end; j++) {
			struct item *it = &cs->items[j];

			if (it->merged)
				continue;
			if (it->date == DATE_NONE) {
				it->issue = best;
				if (best == 0)
					msg(MSG_WEEKS_UNDATED_FILE, it->file,
					    it->line, 0, msg_title(it->title));
			} else if (abs(it->date - median) > 60)
				msg(MSG_WEEKS_DATE_FAR, it->file, it->line,
				    it->date_col,
				    abs(it->date - median),
				    msg_title(it->title));
		}
	}
	free(dates);
}

struct issue *
weeks_group(struct corpus *cs, const struct config *c, size_t *nissues)
{
	struct issue *v = NULL;
	struct item **placed;
	size_t i, j, m, n = 0, cap = 0;

	for (i = 0; i < cs->n; i++) {
		struct item *it = &cs->items[i];

		it->issue = 0;
		if (!it->merged && it->date != DATE_NONE)
			it->issue = week_number(c, it->date);
	}
	file_issues(cs, c);
	/* Every placed item, by issue and then as published: each issue
	 * is a run.  O(n log n) however many issues there are. */
	placed = xcalloc(cs->n, sizeof(*placed));
	for (i = m = 0; i < cs->n; i++)
		if (!cs->items[i].merged && cs->items[i].issue != 0)
			placed[m++] = &cs->items[i];
	qsort(placed, m, sizeof(*placed), qsort_issue_items);
	for (i = 0; i < m; i = j) {
		for (j = i; j < m && placed[j]->issue == placed[i]->issue; j++)
			continue;
		VEC_GROW(v, cap, n + 1);
		memset(&v[n], 0, sizeof(*v));
		v[n].number = placed[i]->issue;
		v[n].date = week_date(c, v[n].number);
		v[n].first = v[n].date - 7;
		v[n].last = v[n].date - 1;
		v[n].n = j - i;
		v[n].items = xcalloc(j - i, sizeof(*v[n].items));
		memcpy(v[n].items, placed + i, (j - i) * sizeof(*placed));
		n++;
	}
	free(placed);
	*nissues = n;
	return v;
}

void
weeks_free(struct issue *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].items);
	free(v);
}

int
weeks_check_dates(const struct corpus *cs, const struct config *c,
    int today)
{
	char d[16], t[16];
	size_t i;
	int bad = 0;

	for (i = 0; i < cs->n; i++) {
		const struct item *it = &cs->items[i];

		if (it->date == DATE_NONE)
			continue;
		date_iso(it->date, d);
		if (it->date < c->digest.earliest_date) {
			date_iso(c->digest.earliest_date, t);
			msg(MSG_WEEKS_TOO_EARLY, it->file, it->line,
			    it->date_col, d, t, msg_title(it->title));
			bad = -1;
		} else if (it->date > today && !it->date_is_period) {
			date_iso(today, t);
			msg(MSG_WEEKS_FUTURE, it->file, it->line,
			    it->date_col, d, t, msg_title(it->title));
			bad = -1;
		}
	}
	return bad;
}

void
weeks_check_lonely(const struct issue *v, size_t n,
    const struct config *c)
{
	char d[16];
	size_t i, k;
	int gap;

	if (n < 2 || c->digest.lone_issue_weeks <= 0)
		return;
	for (i = 0; i < n; i++) {
		if (v[i].n > 2)
			continue;
		/* Issues are in number order: the nearest is a neighbour. */
		gap = i > 0 ? v[i].number - v[i - 1].number : -1;
		if (i + 1 < n && (gap < 0 ||
		    v[i + 1].number - v[i].number < gap))
			gap = v[i + 1].number - v[i].number;
		if (gap <= c->digest.lone_issue_weeks)
			continue;
		date_iso(v[i].date, d);
		for (k = 0; k < v[i].n; k++)
			msg(MSG_WEEKS_LONE_ISSUE, v[i].items[k]->file,
			    v[i].items[k]->line, v[i].items[k]->date_col,
			    v[i].number, d, v[i].n,
			    v[i].n == 1 ? "" : "s", gap,
			    c->digest.lone_issue_weeks,
			    msg_title(v[i].items[k]->title));
	}
}
