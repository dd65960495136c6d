/* test_markdown.c: md_escape(), the item anchors and the http check of
 * the site, and the site's placing of unclassified items.  The main property: whatever a bulletin holds, cmark (safe)
 * given md_escape(text) gives back exactly text, as one paragraph of
 * escaped HTML with no markup of its own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "config.h"
#include "date.h"
#include "html.h"
#include "markdown.h"
#include "render.h"

static char *
escaped(const char *s)
{
	buf b = {0};

	md_escape(&b, s);
	return buf_detach(&b);
}

static void
expect_escape(const char *in, const char *want)
{
	char *got = escaped(in);

	assert_string_equal(got, want);
	free(got);
}

/* The HTML cmark makes of md_escape(in). */
static char *
rendered(const char *in)
{
	buf md = {0}, html = {0};

	md_escape(&md, in);
	md_render(&html, buf_cstr(&md), md.len);
	buf_free(&md);
	return buf_detach(&html);
}

static void
expect_html(const char *in, const char *want)
{
	char *got = rendered(in);

	assert_string_equal(got, want);
	free(got);
}

static void
test_escape_inline(void **state)
{
	(void)state;
	expect_escape("", "");
	expect_escape(NULL, "");
	expect_escape("탄소중립 분야", "탄소중립 분야");
	expect_escape("**bold**", "\\*\\*bold\\*\\*");
	expect_escape("_x_", "\\_x\\_");
	expect_escape("`code`", "\\`code\\`");
	expect_escape("[x](y)", "\\[x\\](y)");
	expect_escape("![i](y)", "\\!\\[i\\](y)");
	expect_escape("<script>", "\\<script\\>");
	expect_escape("a & b", "a \\& b");
	expect_escape("back\\slash", "back\\\\slash");
	expect_escape("a | b ~ c", "a \\| b \\~ c");
	expect_escape("end #", "end \\#");
}

static void
test_escape_leading(void **state)
{
	(void)state;
	expect_escape("# heading", "\\# heading");
	expect_escape("- item", "\\- item");
	expect_escape("+ item", "\\+ item");
	expect_escape("= under", "\\= under");
	expect_escape("> quote", "\\> quote");
	expect_escape("1. first", "1\\. first");
	expect_escape("2025) x", "2025\\) x");
	expect_escape("123456789. x", "123456789\\. x");
	/* Ten digits cannot open a list. */
	expect_escape("1234567890. x", "1234567890. x");
	expect_escape("2025.12.04", "2025\\.12.04");
	expect_escape("mid - dash + 1. x", "mid - dash + 1. x");
	/* Indentation would make a code block: dropped, as are the spaces
	 * at the end that would make a hard break. */
	expect_escape("    code", "code");
	expect_escape("  - item  ", "\\- item");
}

static void
test_escape_lines(void **state)
{
	(void)state;
	expect_escape("one\ntwo", "one two");
	expect_escape("one\r\n- two", "one  - two");
	expect_escape("tab\there", "tab here");
	expect_escape("bell\aend", "bellend");
	/* Every control character goes, the first and last included. */
	expect_escape("nul\x01-us\x1f-del\x7f.", "nul-us-del.");
	expect_escape("one\n\n# two", "one  \\# two");
}

static void
test_render_is_text(void **state)
{
	(void)state;
	expect_html("<script>alert(1)</script>",
	    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
	expect_html("<img src=x onerror=alert(2)>",
	    "<p>&lt;img src=x onerror=alert(2)&gt;</p>\n");
	expect_html("<!-- c -->", "<p>&lt;!-- c --&gt;</p>\n");
	expect_html("[x](javascript:alert(1))",
	    "<p>[x](javascript:alert(1))</p>\n");
	expect_html("<https://example.com/>",
	    "<p>&lt;https://example.com/&gt;</p>\n");
	expect_html("**bold** _it_ `code`",
	    "<p>**bold** _it_ `code`</p>\n");
	expect_html("# title", "<p># title</p>\n");
	expect_html("1. one", "<p>1. one</p>\n");
	expect_html("- one", "<p>- one</p>\n");
	expect_html("---", "<p>---</p>\n");
	expect_html("***", "<p>***</p>\n");
	expect_html("&amp; &lt;", "<p>&amp;amp; &amp;lt;</p>\n");
	expect_html("a\\", "<p>a\\</p>\n");
	expect_html("[a]\n[a]: javascript:x", "<p>[a] [a]: javascript:x</p>\n");
}

/* Round trip: the text of the paragraph cmark makes is the input. */
static void
test_round_trip(void **state)
{
	static const char *const in[] = {
		"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
		"\\*not emphasis\\*",
		"1) 2) 3.",
		"a *b* __c__ ~~d~~",
		"<<>>&&;;",
		"''\"\"",
		"x](y) [z",
		"\\",
		"\\\\",
		"{{TITLE}} {{#S}} {{>C}}",
		"해양부, 항만 탄소 저감 시범사업 착수",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(in) / sizeof(*in); i++) {
		char *got = rendered(in[i]);
		buf want = {0};
		const char *p;

		buf_puts(&want, "<p>");
		for (p = in[i]; *p; p++)
			switch (*p) {
			case '<':
				buf_puts(&want, "&lt;");
				break;
			case '>':
				buf_puts(&want, "&gt;");
				break;
			case '&':
				buf_puts(&want, "&amp;");
				break;
			case '"':
				buf_puts(&want, "&quot;");
				break;
			default:
				buf_putc(&want, *p);
			}
		buf_puts(&want, "</p>\n");
		assert_string_equal(got, want.ptr);
		buf_free(&want);
		free(got);
	}
}

static void
test_anchor(void **state)
{
	char a[ANCHOR_SIZE], b[ANCHOR_SIZE];
	int day = date_from_ymd(2026, 1, 5);

	(void)state;
	item_anchor("환경부, 공공청사 옥상 태양광 설치 지침 마련", day, a);
	assert_string_equal(a, "i-708aaa458fbc03b5");
	item_anchor("", DATE_NONE, a);
	assert_string_equal(a, "i-af63bd4c8601b7df");
	item_anchor(NULL, DATE_NONE, b);
	assert_string_equal(a, b);
	item_anchor("a", DATE_NONE, a);
	assert_string_equal(a, "i-089be207b544f1e4");
	item_anchor("a", date_from_ymd(2025, 12, 11), a);
	assert_string_equal(a, "i-9897613d18c0ec1a");
	/* The date counts, and so does where the title ends. */
	item_anchor("a", date_from_ymd(2025, 12, 12), b);
	assert_string_not_equal(a, b);
	assert_int_equal(strlen(a), ANCHOR_SIZE - 1);
}

static void
test_url_is_http(void **state)
{
	(void)state;
	assert_true(url_is_http("https://example.com/a?b=c"));
	assert_true(url_is_http("HTTP://EXAMPLE.COM"));
	assert_false(url_is_http("javascript:alert(1)"));
	assert_false(url_is_http(" https://example.com"));
	assert_false(url_is_http("data:text/html,x"));
	assert_false(url_is_http("https:///path"));
	assert_false(url_is_http("http://"));
	assert_false(url_is_http("ftp://example.com"));
	assert_false(url_is_http("//example.com"));
}

/* What the pipeline never gives today but the site must still place:
 * an item of no known section, sector or organisation type, one whose
 * organisation belongs to another section, and one undated without a
 * source.  Built straight from the model with tests/site/site.conf. */
static void
test_site_unclassified(void **state)
{
	struct config cfg;
	struct item it[3];
	struct item *v[3] = { &it[0], &it[1], &it[2] };
	struct issue is;
	struct render r;
	char dir[] = "/tmp/digest-site-XXXXXX", cmd[128];
	buf out = {0}, page = {0};
	char *text, *block;
	size_t len;

	(void)state;
	memset(&cfg, 0, sizeof(cfg));
	assert_int_equal(config_load(&cfg, "tests/site/site.conf"), 0);
	memset(it, 0, sizeof(it));
	it[0].title = "분류 없는 소식";
	it[0].date = date_from_ymd(2026, 1, 5);
	it[0].section = it[0].sector = it[0].org = -1;
	it[1].title = "다른 구역의 기관";
	it[1].date = date_from_ymd(2026, 1, 6);
	it[1].section = config_section_index(&cfg, "policy");
	it[1].sector = config_sector_index(&cfg, "carbon");
	it[1].org = config_org_index(&cfg, "national-inst");
	it[2].title = "날짜 없는 소식";
	it[2].date = DATE_NONE;
	it[2].section = config_section_index(&cfg, "policy");
	it[2].sector = -1;
	it[2].org = -1;
	memset(&is, 0, sizeof(is));
	is.number = 112;
	is.date = date_from_ymd(2026, 1, 8);
	is.first = date_from_ymd(2026, 1, 1);
	is.last = date_from_ymd(2026, 1, 7);
	is.items = v;
	is.n = 3;
	memset(&r, 0, sizeof(r));
	r.cfg = &cfg;
	r.templates = "templates";
	r.issues = &is;
	r.n = 1;
	r.latest = &is;
	assert_non_null(mkdtemp(dir));
	buf_printf(&out, "%s/site", dir);
	assert_int_equal(site_write(&r, out.ptr, NULL), 0);
	buf_printf(&page, "%s/112/index.html", out.ptr);
	text = read_whole(page.ptr, &len);
	assert_non_null(text);
	/* The unknown section and sector: their own block, at the end. */
	assert_non_null(strstr(text, "<h2><span class=\"marker\" "
	    "aria-hidden=\"true\">□</span> 미분류</h2>"));
	assert_non_null(strstr(text, "id=\"s-x-x\""));
	assert_true(strstr(text, "id=\"s-x\"") > strstr(text,
	    "id=\"s-private\""));
	/* A foreign organisation type keeps its name, after the own. */
	assert_true(strstr(text, ">국가기관</span></th>") > strstr(text,
	    ">지자체</span></th>"));
	/* Undated: no date after the title; unknown type: 미분류 cell.
	 * (Checked before the text is cut below.) */
	assert_non_null(strstr(text, "<strong>날짜 없는 소식</strong>"));
	assert_non_null(strstr(text, "rowspan=\"1\"><span class=\"label\">"
	    "미분류</span></th>"));
	/* An unclassified block shows only groups with items. */
	assert_null(strstr(strstr(text, "id=\"s-x\""), "(해당 없음)"));
	block = strstr(text, "id=\"s-policy-x\"");
	assert_non_null(block);
	*strstr(block, "</table>") = '\0';
	assert_null(strstr(block, "(해당 없음)"));
	assert_non_null(strstr(block, "날짜 없는 소식"));
	free(text);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (getenv("KEEP") == NULL)
		assert_int_equal(system(cmd), 0);
	buf_free(&out);
	buf_free(&page);
	config_free(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_inline),
		cmocka_unit_test(test_escape_leading),
		cmocka_unit_test(test_escape_lines),
		cmocka_unit_test(test_render_is_text),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_anchor),
		cmocka_unit_test(test_url_is_http),
		cmocka_unit_test(test_site_unclassified),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
