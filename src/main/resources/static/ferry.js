// Progressive enhancement only: every page reads fine without it.
(function () {
	// Times arrive in UTC; show them in the browser's time zone, keeping UTC on hover.
	function localTimes(root) {
		root.querySelectorAll('time[datetime]').forEach(function (t) {
			var d = new Date(t.getAttribute('datetime'));
			if (!isNaN(d)) {
				t.textContent = d.toLocaleString();
			}
		});
	}
	// A running run refreshes its progress every second until it ends.
	function refresh(box) {
		var url = box.getAttribute('data-refresh');
		var timer = setInterval(function () {
			fetch(url, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
				.then(function (r) { return r.ok ? r.text() : null; })
				.then(function (html) {
					if (html === null) { return; }
					var next = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
					if (!next) { return; }
					box.replaceWith(next);
					box = next;
					localTimes(box);
					if (!box.hasAttribute('data-refresh')) {
						clearInterval(timer);
						location.reload();
					}
				});
		}, 1000);
	}
	document.addEventListener('DOMContentLoaded', function () {
		localTimes(document);
		document.querySelectorAll('[data-refresh]').forEach(refresh);
		var canvas = document.getElementById('job-chart');
		if (canvas && window.Chart) {
			var data = JSON.parse(canvas.getAttribute('data-chart'));
			new Chart(canvas, {
				type: 'line',
				data: {
					labels: data.labels.map(function (l) { return new Date(l).toLocaleString(); }),
					datasets: [
						{label: 'Duration (s)', data: data.seconds, yAxisID: 'y'},
						{label: 'Archive size (MiB)', data: data.megabytes, yAxisID: 'y1'}
					]
				},
				options: {animation: false, scales: {y: {position: 'left'}, y1: {position: 'right'}}}
			});
		}
	});
})();
