/* measure.js: run in an issue page by tests/site/sticky.py (through the
 * DevTools protocol), it measures where each 구분 label is drawn
 * and writes the figures into the page as JSON (<pre id="measure">),
 * and returns them.  For every group: the label's
 * offset from the group's top with the page at its top, and, with the
 * page scrolled so that the middle of the group is at the middle of the
 * screen (halfway down the group), the label's box on the screen. */
(function () {
	'use strict';

	var out = [], groups = document.querySelectorAll('tbody.group');
	var vh = window.innerHeight, i, g, label, r, l, mid;

	for (i = 0; i < groups.length; i++) {
		g = groups[i];
		label = g.querySelector('th .label');
		window.scrollTo(0, 0);
		r = g.getBoundingClientRect();
		l = label.getBoundingClientRect();
		var rec = {
			label: label.textContent,
			group_h: r.height,
			offset: l.top - r.top,
			label_h: l.height
		};
		mid = window.scrollY + r.top + r.height / 2 - vh / 2;
		window.scrollTo(0, Math.max(0, mid));
		r = g.getBoundingClientRect();
		l = label.getBoundingClientRect();
		rec.mid_top = l.top;
		rec.mid_bottom = l.bottom;
		rec.mid_group_top = r.top;
		rec.mid_group_bottom = r.bottom;
		out.push(rec);
	}
	window.scrollTo(0, 0);
	var pre = document.createElement('pre');
	pre.id = 'measure';
	pre.textContent = JSON.stringify({ vh: vh, vw: window.innerWidth,
	    groups: out });
	document.body.appendChild(pre);
	return pre.textContent;
})();
