/* scan.h: what the dialect parsers share, apart from them as cmark
 * keeps its line scanners (scanners.re) apart from block structure
 * (blocks.c): recognisers that say what a line or a piece of text is,
 * and the small text helpers every parser needs.  None of them decides
 * what a line does to an item; that is each parser's.  parse.c only
 * detects the dialect and dispatches. */
#ifndef DIGEST_SCAN_H
#define DIGEST_SCAN_H

#include "config.h"
#include "model.h"

/* ---- lines ---- */

/* A page mark with a bar: "❚ 2", "3 ❚", "i ❚", "❚ ii". */
int	 page_bar(const struct line *);
/* A bare page number: "12", "- 12 -" (up to four digits). */
int	 page_digits(const struct line *);
/* t opens with the word w: w, then a space or the end ("- ", "∙"). */
int	 starts_word(const char *t, const char *w);
/* A point marked by a dash, "- text" or "-" alone. */
int	 dash_point(const char *t);
/* s is one or more ASCII digits and nothing else. */
int	 all_digits(const char *s);
int	 is_url(const char *);
/* The repeated table header row, "구분 제목 및 주요 내용" as configured,
 * into b: compare it with str_eq_nospace. */
void	 table_header_text(buf *b, const struct config *);

/* ---- columns, for messages ---- */

/* The column (1-based, in characters) of at, a pointer into l->text,
 * in the line as the file has it: its leading white space counted.
 * (After decoding and normalising: a CP949 or UTF-16 file's
 * characters, Hangul in NFC.) */
int	 line_col(const struct line *l, const char *at);
/* The column in line lineno (1-based) of d where it holds s, or 0 when
 * it does not hold it (the text s came from went on over another line,
 * or was decoded from markup) or holds it more than once. */
int	 doc_col(const struct doc *d, int lineno, const char *s);

/* The column in line lineno of d of the date that follows title in
 * text (an item's text as parsed, its title taken off), or 0. */
int	 title_date_col(const struct doc *d, int lineno, const char *text,
	    const char *title);

/* ---- plans and progress reports ---- */

/* Decodes the character at s (NUL-terminated) into *cp (-1 when it is
 * not UTF-8); returns its length, 1 for a bad byte. */
int	 utf8_at(const char *s, int *cp);
/* A Roman numeral opening a part: "II.", "Ⅲ.", "V .".  Returns the
 * length of the numeral and its dot, 0 if none. */
size_t	 roman_numeral(const char *);
/* A line of a contents block: "title<TAB>page" or its "----<TAB>---"
 * rule. */
int	 contents_entry(const char *);
/* A numbered heading: "1 title", "1", "② title", "현안 3 title",
 * "A.title".  Sets *title to its text (may be empty). */
int	 numbered_heading(const char *, const char **title);
/* A task number opening a vertical task header: "23.", "23-1.". */
int	 task_number(const char *);
/* A year as a word, "2022년": the year, else 0. */
int	 year_word(const char *w, size_t n);
/* A quarter marker "< 3분기 >", "<3분기>" at s: the quarter, else 0;
 * sets *len. */
int	 quarter_mark(const char *s, size_t *len);

/* ---- dates ---- */

/* A date filling s[0..n): a day (11.13, 2023.11.13), else a month
 * alone (11月, 2023.11), which stands for its first day. */
int	 date_or_month(const char *s, size_t n, int year_hint, int *date);
/* A date cell: "(11.13)", "(11月)".  Returns the date status. */
int	 date_cell(const char *s, int year_hint, int *date);
/* Splits an item title from its trailing date.  Returns the date status;
 * *title is the text before the date, trimmed, in the arena. */
int	 title_split(const char *text, int year_hint, struct arena *,
	    char **title, int *date);
/* A year to complete month.day dates: from the file name, else from the
 * first full date in the file; 0 if none. */
int	 doc_year_hint(const struct doc *);

/* ---- text ---- */

/* Appends a wrapped continuation to acc: with a space when the previous
 * printed line kept a trailing space (or the file never keeps them),
 * without one when the cut fell inside a word. */
void	 join_wrapped(buf *acc, int prev_trail, int file_trails,
	    const char *next);
/* Whether the file keeps a trailing space where a line wraps. */
int	 doc_trail_wraps(const struct doc *);
/* s[0..n) without white space, in the arena: to compare text that a PDF
 * spaced out differently ("조 직", "산업·기술 동향"). */
char	*text_squeeze(struct arena *, const char *s, size_t n);
/* The same without the parenthesised parts either. */
char	*text_squeeze_parens(struct arena *, const char *s);
/* The Hangul syllables (is_syllable) in s. */
size_t	 syllable_count(const char *s);

/* ---- the configured vocabulary ---- */

/* A tag the configuration lists: a word of a sector's tags, or the first
 * word of its name, white space aside.  Returns the sector, -1 if none;
 * what a tag the configuration does not list means is classify.c's. */
int	 tag_listed(const struct config *, const char *tag);
/* A heading body as printed ("산업부", "첨단산업국"): Hangul only, three
 * letters or more, ending in a suffix [outline] lists for an
 * organisation type.  Returns that type, -1 if none. */
int	 issuer_suffix(const struct config *, const char *w, size_t n);

/* ---- keys ---- */

/* Strings to values, open addressing; the keys are not copied. */
struct keyset {
	struct keyset_slot {
		const char	*key;	/* NULL: empty */
		size_t		 len;
		int		 val;
	}		*v;
	size_t		 cap, n;
};

/* The value of s[0..n), or -1. */
int	 keyset_find(const struct keyset *, const char *s, size_t n);
/* Adds key with val (>= 0) unless it is there already. */
void	 keyset_add(struct keyset *, const char *key, int val);
void	 keyset_free(struct keyset *);

#endif
