// Live dashboard of the demo cluster. Plain JavaScript, no build step, no external resources.
// Polls the REST API (answered by the Dispatcher endpoint through RPCs) and every process's
// /actuator/actorrpc endpoint (mailbox depth, busy time, processed messages) once a second.
'use strict';

const POLL_MS = 1000;
const HISTORY = 120;
const COLORS = ['#2f6fdf', '#e0672b', '#2a9d57', '#b03fb0', '#c9a227', '#1aa3a3', '#d43d51', '#6b7385'];

const state = {
	selectedJob: new URLSearchParams(window.location.search).get('job'),
	series: { mailbox: new Map(), latency: new Map() },
	previous: new Map(),
	colors: new Map(),
};

const $ = (selector) => document.querySelector(selector);

function el(tag, attrs, ...children) {
	const node = document.createElement(tag);
	for (const [key, value] of Object.entries(attrs || {})) {
		if (key === 'class') {
			node.className = value;
		}
		else {
			node.setAttribute(key, value);
		}
	}
	for (const child of children) {
		node.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
	}
	return node;
}

function badge(text) {
	return el('span', { class: 'badge ' + text }, text);
}

function ago(millis) {
	if (!millis) {
		return '–';
	}
	const seconds = Math.max(0, (Date.now() - millis) / 1000);
	return seconds < 60 ? seconds.toFixed(1) + ' s ago' : Math.round(seconds / 60) + ' min ago';
}

function bytes(n) {
	if (n >= 1 << 20) {
		return (n / (1 << 20)).toFixed(1) + ' MiB';
	}
	return n >= 1024 ? (n / 1024).toFixed(1) + ' KiB' : n + ' B';
}

async function getJson(url) {
	const response = await fetch(url, { cache: 'no-store' });
	if (!response.ok) {
		let detail = response.statusText;
		try {
			detail = (await response.json()).detail || detail;
		}
		catch (ignored) {
			// not JSON
		}
		throw new Error(response.status + ' ' + detail);
	}
	return response.json();
}

function fillTable(selector, rows) {
	const body = $(selector + ' tbody');
	body.replaceChildren(...rows);
}

// ---------------------------------------------------------------------------------------------
// Jobs, tasks, TaskManagers, checkpoints
// ---------------------------------------------------------------------------------------------

async function refreshCluster() {
	// Who leads first: during a failover the job queries fail, but this line still says what goes on.
	const cluster = await getJson('cluster');
	const leader = cluster.leaderId ? 'leader ' + cluster.jobMasterAddress + ' (session ' + cluster.leaderId.substring(0, 8)
		+ ')' : 'no leader at the moment (failover in progress)';
	const role = { LEADER: 'this JobMaster leads', STANDBY: 'this JobMaster is the standby', NO_LEADER: 'this JobMaster is not leading' };
	$('#cluster').textContent = (role[cluster.role] || cluster.role) + ' · ' + leader;
	$('#cluster').dataset.role = cluster.role;
	const [jobs, taskManagers] = await Promise.all([getJson('jobs'), getJson('taskmanagers')]);
	if (!state.selectedJob && jobs.length > 0) {
		state.selectedJob = jobs[jobs.length - 1].jobId;
	}
	fillTable('#jobs-table', jobs.slice().reverse().map((job) => {
		const row = el('tr', { 'data-job': job.jobId, class: job.jobId === state.selectedJob ? 'selected' : '' },
			el('td', {}, el('code', {}, job.jobId)), el('td', {}, job.name), el('td', {}, badge(job.status)),
			el('td', {}, ago(job.submittedAtMillis)));
		row.addEventListener('click', () => {
			state.selectedJob = job.jobId;
			refresh();
		});
		return row;
	}));
	fillTable('#taskmanagers-table', taskManagers.map((tm) => el('tr', { 'data-tm': tm.resourceId },
		el('td', {}, tm.resourceId), el('td', {}, badge(tm.state)), el('td', {}, tm.freeSlots + ' / ' + tm.totalSlots),
		el('td', {}, ago(tm.lastHeartbeatMillis)), el('td', {}, tm.registrations),
		el('td', {}, tm.webUrl ? el('a', { href: tm.webUrl + '/actuator/actorrpc', target: '_blank' }, 'actorrpc') : '–'))));
	await refreshJob();
	return taskManagers;
}

async function refreshJob() {
	const cancel = $('#cancel-job');
	if (!state.selectedJob) {
		cancel.disabled = true;
		return;
	}
	const job = await getJson('jobs/' + encodeURIComponent(state.selectedJob));
	$('#job-title').textContent = job.jobId + ' (' + job.name + ')';
	$('#job-status').replaceWith(Object.assign(badge(job.status), { id: 'job-status' }));
	cancel.disabled = ['FINISHED', 'CANCELED', 'FAILED', 'CANCELLING'].includes(job.status);
	const finished = job.tasks.filter((t) => t.state === 'FINISHED').length;
	const completed = job.checkpoints.filter((c) => c.status === 'COMPLETED').length;
	$('#job-summary').textContent = finished + ' / ' + job.parallelism + ' tasks finished · ' + job.redeployments
		+ ' redeployments · ' + completed + ' completed checkpoints in history';
	fillTable('#tasks-table', job.tasks.map((task) => el('tr', { 'data-state': task.state },
		el('td', {}, task.subtaskIndex), el('td', {}, task.attemptNumber), el('td', {}, badge(task.state)),
		el('td', {}, task.resourceId || '–'), el('td', {}, task.slotId || '–'), el('td', {}, ago(task.lastStateChangeMillis)),
		el('td', { class: 'cause' }, task.failureCause || ''))));
	fillTable('#checkpoints-table', job.checkpoints.slice(-12).reverse().map((cp) => el('tr', {},
		el('td', {}, cp.checkpointId), el('td', {}, badge(cp.status)),
		el('td', {}, cp.acknowledgedTasks + ' / ' + cp.totalTasks), el('td', {}, bytes(cp.stateSizeBytes)),
		el('td', {}, cp.finishedAtMillis ? (cp.finishedAtMillis - cp.triggeredAtMillis) + ' ms' : '…'),
		el('td', { class: 'cause' }, cp.failureCause || ''))));
}

// ---------------------------------------------------------------------------------------------
// Endpoint metrics from the starter's Actuator endpoint of every process
// ---------------------------------------------------------------------------------------------

async function refreshEndpoints(taskManagers) {
	const sources = [{ process: 'jobmaster', url: 'actuator/actorrpc' }];
	for (const tm of taskManagers) {
		if (tm.state === 'REGISTERED' && tm.webUrl) {
			sources.push({ process: tm.resourceId, url: tm.webUrl + '/actuator/actorrpc' });
		}
	}
	const results = await Promise.allSettled(sources.map((source) => getJson(source.url)));
	const now = Date.now();
	const rows = [];
	const seen = new Set();
	results.forEach((result, i) => {
		if (result.status !== 'fulfilled') {
			return;
		}
		for (const endpoint of result.value.endpoints || []) {
			const key = sources[i].process + '/' + endpoint.id;
			seen.add(key);
			const previous = state.previous.get(key);
			state.previous.set(key, endpoint);
			push(state.series.mailbox, key, now, endpoint.mailboxDepth);
			if (previous) {
				// Mean main-thread time per message processed since the previous sample.
				const processed = endpoint.processedMessages - previous.processedMessages;
				push(state.series.latency, key, now,
					processed > 0 ? (endpoint.busyTimeMs - previous.busyTimeMs) / processed : 0);
			}
			const busiest = (endpoint.slowestMethods || [])[0];
			rows.push(el('tr', {}, el('td', {}, sources[i].process), el('td', {}, endpoint.id),
				el('td', {}, badge(endpoint.state)), el('td', {}, el('code', {}, endpoint.mainThread)),
				el('td', {}, endpoint.mailboxDepth), el('td', {}, endpoint.processedMessages),
				el('td', {}, endpoint.busyTimeMs.toFixed(1)),
				el('td', {}, busiest ? busiest.method + ' (' + busiest.maxMs.toFixed(2) + ')' : '–')));
		}
	});
	// A process that is gone (a killed TaskManager) stops its lines instead of freezing them.
	for (const map of [state.series.mailbox, state.series.latency]) {
		for (const key of map.keys()) {
			if (!seen.has(key)) {
				push(map, key, now, null);
			}
		}
	}
	fillTable('#endpoints-table', rows);
	drawChart($('#chart-mailbox'), $('#legend-mailbox'), state.series.mailbox, 'messages');
	drawChart($('#chart-latency'), $('#legend-latency'), state.series.latency, 'ms');
}

function push(map, key, time, value) {
	if (!map.has(key)) {
		map.set(key, []);
	}
	const points = map.get(key);
	points.push({ t: time, v: value });
	if (points.length > HISTORY) {
		points.shift();
	}
}

function colorOf(key) {
	if (!state.colors.has(key)) {
		state.colors.set(key, COLORS[state.colors.size % COLORS.length]);
	}
	return state.colors.get(key);
}

function drawChart(canvas, legend, series, unit) {
	const ctx = canvas.getContext('2d');
	const width = canvas.width;
	const height = canvas.height;
	const pad = { left: 48, right: 10, top: 10, bottom: 22 };
	ctx.clearRect(0, 0, width, height);
	let max = 0;
	let minT = Infinity;
	let maxT = -Infinity;
	let samples = 0;
	for (const points of series.values()) {
		for (const p of points) {
			minT = Math.min(minT, p.t);
			maxT = Math.max(maxT, p.t);
			if (p.v != null) {
				max = Math.max(max, p.v);
				samples++;
			}
		}
	}
	max = max > 0 ? max * 1.15 : 1;
	const span = Math.max(1, maxT - minT);
	const x = (t) => pad.left + (t - minT) / span * (width - pad.left - pad.right);
	const y = (v) => height - pad.bottom - v / max * (height - pad.top - pad.bottom);
	ctx.strokeStyle = '#e4e7ec';
	ctx.fillStyle = '#6b7385';
	ctx.font = '11px system-ui, sans-serif';
	ctx.lineWidth = 1;
	for (let i = 0; i <= 4; i++) {
		const value = max * i / 4;
		ctx.beginPath();
		ctx.moveTo(pad.left, y(value));
		ctx.lineTo(width - pad.right, y(value));
		ctx.stroke();
		ctx.fillText(value < 10 ? value.toFixed(2) : value.toFixed(0), 4, y(value) + 4);
	}
	ctx.fillText(unit + ' · last ' + Math.round(span / 1000) + ' s', pad.left, height - 6);
	ctx.lineWidth = 2;
	for (const [key, points] of series) {
		ctx.strokeStyle = colorOf(key);
		ctx.beginPath();
		let drawing = false;
		for (const p of points) {
			if (p.v == null) {
				drawing = false;
				continue;
			}
			if (drawing) {
				ctx.lineTo(x(p.t), y(p.v));
			}
			else {
				ctx.moveTo(x(p.t), y(p.v));
				drawing = true;
			}
		}
		ctx.stroke();
	}
	canvas.dataset.series = String(series.size);
	canvas.dataset.samples = String(samples);
	legend.replaceChildren(...[...series.keys()].map((key) => el('span', { style: '--c:' + colorOf(key) }, key)));
}

// ---------------------------------------------------------------------------------------------
// Actions and polling
// ---------------------------------------------------------------------------------------------

$('#submit-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const form = new FormData(event.target);
	const body = { name: form.get('name'), parallelism: Number(form.get('parallelism')),
		taskDurationMs: Number(form.get('taskDurationMs')) };
	const response = await fetch('jobs', { method: 'POST', headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body) });
	const answer = await response.json();
	if (response.ok) {
		state.selectedJob = answer.jobId;
		$('#submit-result').textContent = 'submitted job ' + answer.jobId;
	}
	else {
		$('#submit-result').textContent = 'refused: ' + answer.detail;
	}
	refresh();
});

$('#cancel-job').addEventListener('click', async () => {
	if (state.selectedJob) {
		await fetch('jobs/' + encodeURIComponent(state.selectedJob) + '/cancel', { method: 'POST' });
		refresh();
	}
});

let refreshing = false;

async function refresh() {
	if (refreshing) {
		return;
	}
	refreshing = true;
	try {
		const taskManagers = await refreshCluster();
		await refreshEndpoints(taskManagers);
		document.body.dataset.lastRefresh = String(Date.now());
	}
	catch (error) {
		$('#cluster').textContent = 'cluster not reachable: ' + error.message;
	}
	finally {
		refreshing = false;
	}
}

refresh();
setInterval(refresh, POLL_MS);
