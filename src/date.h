/* date.h: calendar arithmetic and the date spellings bulletins use. */
#ifndef DIGEST_DATE_H
#define DIGEST_DATE_H

#include <stddef.h>

#include "model.h"

/* Days since 1970-01-01, or DATE_NONE for an impossible date. */
int	 date_from_ymd(int y, int m, int d);
void	 date_to_ymd(int date, int *y, int *m, int *d);
int	 date_weekday(int date);		/* 0 = Sunday */
/* "YYYY-MM-DD" into out (at least 11 bytes). */
void	 date_iso(int date, char *out);
/* y, m and d (each taken modulo 10000, 100, 100) as YYYY-MM-DD with sep
 * for '-': what printf's "%04u-%02u-%02u" writes. */
void	 date_digits(unsigned y, unsigned m, unsigned d, char sep,
	    char out[11]);

enum date_status {
	DATE_NOT_A_DATE = 0,
	DATE_OK,
	DATE_IMPOSSIBLE,	/* looks like a date, is not one: 2025.02.30 */
};

/* Parses a date that fills s[0..len) (white space around it allowed):
 * 2025.07.28, 2025. 12.04, 2025.07.28., 2025-12-04, 2025/12/04,
 * 2025년 7월 28일, '24.3.12, 24.3.12 and, with year_hint (0 for none),
 * 11.6 and 11월 6일.  Sets *date on DATE_OK. */
enum date_status date_parse(const char *s, size_t len, int year_hint,
	    int *date);

/* Finds a trailing parenthesised date in s, as ends an item title:
 * "(2025.07.28)", "(2025.07.24" unclosed, "(2025. 12.04)".  On success
 * sets *open to the offset of the parenthesis and returns the status. */
enum date_status date_trailing(const char *s, int year_hint, int *date,
	    size_t *open);

/* Reads a month without a day, which stands for its first day:
 * "11月", "11월", "2023년 11월", "2023.11", "'23.11", "'22.8월".  A bare
 * month takes year_hint (0: not a date). */
enum date_status date_parse_month(const char *s, size_t len, int year_hint,
	    int *date);

/* Reads a period: one date, month or year, or a span of them joined by
 * '~': "'24.5.~'26.12", "'24~'28", "9.4~9.6", "2.20~23", "2024년",
 * "'19.~" (open end).  *first is the first day of the period, *last its
 * last day (DATE_NONE for an open end).  Parts without a year take the
 * start's year, else year_hint. */
enum date_status date_parse_period(const char *s, size_t len, int year_hint,
	    int *first, int *last);

/* The same as date_trailing for a trailing parenthesised period, as ends
 * a line of a plan: "(2월)", "(9.4~9.6)", "('24.3.20)". */
enum date_status date_trailing_period(const char *s, int year_hint,
	    int *first, int *last, size_t *open);

/* Finds a run like ".20250728" (8 digits forming a valid date) inside a
 * URL; returns DATE_NONE if none. */
int	 date_in_url(const char *url);

#endif
