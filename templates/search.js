/* search.js: searches the items of every issue in the browser.
 *
 * search-index.js (window.DIGEST_INDEX) names the scripts that hold the
 * items, newest first, each well under 2 MB; they are loaded one after
 * the other, as <script> elements so that the page works from file://
 * too, only when a reader searches.  The query is read from the address
 * (search.html?q=word or search.html#q=word).
 *
 * Every word must be found.  Hits are ranked: one whose title holds
 * more of the words first (a title hit above a body hit), then the more
 * recent.  Results are built with DOM nodes and textContent only:
 * nothing from the index is ever parsed as HTML. */
(function () {
	'use strict';

	var manifest = window.DIGEST_INDEX || { count: 0, chunks: [] };
	var index = [], loaded = 0, loading = false, waiting = null;
	var form = document.getElementById('search-form');
	var input = document.getElementById('search-q');
	var status = document.getElementById('search-status');
	var list = document.getElementById('search-results');

	if (!form || !input || !status || !list)
		return;

	function norm(s) {
		s = String(s || '');
		if (s.normalize)
			s = s.normalize('NFC');
		return s.toLowerCase();
	}

	/* Each chunk script calls this with its entries. */
	window.DIGEST_INDEX_ADD = function (entries) {
		entries.forEach(function (e) {
			e.c = (manifest.sections || [])[e.c] || '';
			e.s = (manifest.sectors || [])[e.s] || '';
			e.o = (manifest.orgs || [])[e.o] || '';
			e.lt = norm(e.t);
			e.lall = norm([e.b, e.c, e.s, e.o, e.d, e.n].join('\n'));
			index.push(e);
		});
	};

	/* Loads the chunks in turn, then calls done. */
	function load(done) {
		waiting = done;
		if (loading)
			return;
		if (loaded >= manifest.chunks.length) {
			waiting = null;
			done();
			return;
		}
		loading = true;
		var s = document.createElement('script');
		s.src = manifest.chunks[loaded];
		s.onload = s.onerror = function () {
			loaded++;
			loading = false;
			load(waiting);
		};
		document.body.appendChild(s);
	}

	function terms(q) {
		return norm(q).split(/\s+/).filter(function (t) {
			return t.length > 0;
		});
	}

	/* The value of q in a query string or fragment ("q=...&..."). */
	function param(s) {
		var parts = s.replace(/^[?#]/, '').split('&'), i, kv;

		for (i = 0; i < parts.length; i++) {
			kv = parts[i].split('=');
			if (kv[0] !== 'q' || kv.length < 2)
				continue;
			try {
				return decodeURIComponent(
				    kv.slice(1).join('=').replace(/\+/g, ' '));
			} catch (err) {
				return '';
			}
		}
		return null;
	}

	/* Appends text to el, marking every occurrence of the terms. */
	function marked(el, text, ts) {
		var low = norm(text), pos = 0, best, at, i, m;

		for (;;) {
			best = -1;
			at = 0;
			for (i = 0; i < ts.length; i++) {
				m = low.indexOf(ts[i], pos);
				if (m !== -1 && (best === -1 || m < best)) {
					best = m;
					at = ts[i].length;
				}
			}
			if (best === -1 || low.length !== text.length)
				break;
			el.appendChild(document.createTextNode(
			    text.slice(pos, best)));
			m = document.createElement('mark');
			m.textContent = text.slice(best, best + at);
			el.appendChild(m);
			pos = best + at;
		}
		el.appendChild(document.createTextNode(text.slice(pos)));
	}

	/* Some words of the bullets around the first hit, cut at spaces,
	 * never inside a word. */
	function snippet(e, ts) {
		var b = String(e.b || '').replace(/\s+/g, ' ');
		var low = norm(b), at = -1, i, m, start, end;

		for (i = 0; i < ts.length; i++) {
			m = low.indexOf(ts[i]);
			if (m !== -1 && (at === -1 || m < at))
				at = m;
		}
		if (at === -1)
			at = 0;
		/* Back to the start of the word 40 characters before the
		 * hit, on to the end of the word 140 characters after that. */
		start = Math.max(0, at - 40);
		if (start > 0)
			start = b.lastIndexOf(' ', start) + 1;
		end = start + 140;
		if (end < b.length) {
			m = b.indexOf(' ', end);
			end = m === -1 ? b.length : m;
		}
		return (start > 0 ? '… ' : '') + b.slice(start, end) +
		    (end < b.length ? ' …' : '');
	}

	/* How many terms the title holds, for ranking. */
	function titleHits(e, ts) {
		var n = 0, i;

		for (i = 0; i < ts.length; i++)
			if (e.lt.indexOf(ts[i]) !== -1)
				n++;
		return n;
	}

	function render(ts) {
		var hits = [], i, j, ok;

		for (i = 0; i < index.length; i++) {
			ok = true;
			for (j = 0; j < ts.length && ok; j++)
				ok = index[i].lt.indexOf(ts[j]) !== -1 ||
				    index[i].lall.indexOf(ts[j]) !== -1;
			if (ok)
				hits.push({ e: index[i], title: titleHits(index[i],
				    ts), order: i });
		}
		/* Title hits first; then the newer issue, the newer item;
		 * then the order of the index. */
		hits.sort(function (a, b) {
			if (a.title !== b.title)
				return b.title - a.title;
			if (a.e.n !== b.e.n)
				return b.e.n - a.e.n;
			if (a.e.d !== b.e.d)
				return a.e.d < b.e.d ? 1 : -1;
			return a.order - b.order;
		});
		status.textContent = hits.length === 0 ?
		    status.getAttribute('data-none') :
		    status.getAttribute('data-count').replace('{n}',
		    String(hits.length));
		hits.forEach(function (h) {
			var e = h.e;
			var li = document.createElement('li');
			var a = document.createElement('a');
			var meta = document.createElement('span');
			var p = document.createElement('p');

			a.href = e.u;
			marked(a, e.t, ts);
			meta.className = 'meta';
			meta.textContent = [
			    status.getAttribute('data-number-label') + '\u00a0' +
			    e.n, e.d, e.c, e.s, e.o
			].filter(function (x) { return x; }).join(' · ');
			p.className = 'snippet';
			marked(p, snippet(e, ts), ts);
			li.appendChild(a);
			li.appendChild(meta);
			li.appendChild(p);
			list.appendChild(li);
		});
	}

	function show(q) {
		var ts = terms(q);

		input.value = q;
		while (list.firstChild)
			list.removeChild(list.firstChild);
		if (ts.length === 0) {
			status.textContent = status.getAttribute('data-empty');
			return;
		}
		if (loaded < manifest.chunks.length)
			status.textContent = status.getAttribute('data-loading');
		load(function () {
			if (terms(input.value).join(' ') === ts.join(' '))
				render(ts);
		});
	}

	function fromAddress() {
		var q = param(location.hash);

		if (q === null)
			q = param(location.search);
		show(q === null ? '' : q);
	}

	form.addEventListener('submit', function (ev) {
		ev.preventDefault();
		location.hash = 'q=' + encodeURIComponent(input.value);
	});
	window.addEventListener('hashchange', fromAddress);
	fromAddress();
})();
