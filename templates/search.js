/* search.js: searches the items of every issue in the browser.  The
 * index comes from search-index.js (window.DIGEST_INDEX), so the page
 * works from file:// too.  The query is read from the address
 * (search.html?q=word or search.html#q=word) when the page loads.
 * Results are built with DOM nodes and textContent only: nothing from
 * the index is ever parsed as HTML. */
(function () {
	'use strict';

	var index = window.DIGEST_INDEX || [];
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

	/* Each entry once: all its text, normalised. */
	var haystack = index.map(function (e) {
		return norm([e.t, e.b, e.c, e.s, e.o, e.d, e.n].join('\n'));
	});

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

	/* Some words of the bullets around the first hit. */
	function snippet(e, ts) {
		var b = String(e.b || ''), low = norm(b), at = -1, i, m;

		for (i = 0; i < ts.length; i++) {
			m = low.indexOf(ts[i]);
			if (m !== -1 && (at === -1 || m < at))
				at = m;
		}
		if (at === -1)
			at = 0;
		var start = Math.max(0, at - 40);
		var s = b.slice(start, start + 140).replace(/\s+/g, ' ');
		return (start > 0 ? '… ' : '') + s +
		    (start + 140 < b.length ? ' …' : '');
	}

	function show(q) {
		var ts = terms(q), hits = [], i, j, ok;

		input.value = q;
		while (list.firstChild)
			list.removeChild(list.firstChild);
		if (ts.length === 0) {
			status.textContent = status.getAttribute('data-empty');
			return;
		}
		for (i = 0; i < index.length; i++) {
			ok = true;
			for (j = 0; j < ts.length && ok; j++)
				ok = haystack[i].indexOf(ts[j]) !== -1;
			if (ok)
				hits.push(index[i]);
		}
		status.textContent = hits.length === 0 ?
		    status.getAttribute('data-none') :
		    status.getAttribute('data-count').replace('{n}',
		    String(hits.length));
		hits.forEach(function (e) {
			var li = document.createElement('li');
			var a = document.createElement('a');
			var meta = document.createElement('span');
			var p = document.createElement('p');

			a.href = e.u;
			marked(a, e.t, ts);
			meta.className = 'meta';
			meta.textContent = [
			    status.getAttribute('data-number-label') + ' ' +
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
