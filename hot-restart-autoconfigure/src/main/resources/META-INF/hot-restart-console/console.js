/*
 * Copyright 2026 the hot-restart authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// The hot restart console: polls the hotrestart endpoint every second and renders parked
// calls, their details and the recent history. Everything it does goes through that
// endpoint. All text from the server is set with textContent, never parsed as HTML.
(() => {
  'use strict';

  // Faster while calls are parked, so that what became of a build shows within a second
  const POLL_MILLIS = 1000;
  const PARKED_POLL_MILLIS = 400;
  const HIDDEN_POLL_MILLIS = 5000;
  const endpoint = document.querySelector('meta[name="hot-restart-endpoint"]').content;

  const state = {
    failures: [],
    changedClasses: [],
    latestChange: null,
    history: [],
    selected: null,
    // id -> { tone, title, text, pre } shown in place after an action
    outcomes: new Map(),
    // id -> the failure as it was when an action on it began: kept while the action runs
    // (a poll may see the call leave first) and after the action resolved it
    resolved: new Map(),
    busy: new Set(),
    pollSequence: 0,
    appliedSequence: 0,
    detailsKey: null
  };

  const byId = (id) => document.getElementById(id);

  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (key === 'class') {
        node.className = value;
      } else if (key === 'text') {
        node.textContent = value;
      } else if (key.startsWith('on')) {
        node.addEventListener(key.slice(2), value);
      } else {
        node.setAttribute(key, value === true ? '' : value);
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  // Formatting

  const simpleName = (className) => className.slice(className.lastIndexOf('.') + 1);

  function packageOf(className) {
    const dot = className.lastIndexOf('.');
    return dot < 0 ? '' : className.slice(0, dot + 1);
  }

  function duration(millis) {
    const seconds = Math.max(0, Math.floor(millis / 1000));
    if (seconds < 60) {
      return seconds + ' s';
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
      return minutes + ' min ' + String(seconds % 60).padStart(2, '0') + ' s';
    }
    return Math.floor(minutes / 60) + ' h ' + String(minutes % 60).padStart(2, '0') + ' min';
  }

  const since = (iso) => duration(Date.now() - Date.parse(iso));

  const clock = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  const exceptionLine = (exception) =>
    simpleName(exception.type) + (exception.message ? ': ' + exception.message : '');

  const origin = (call) => (call.request ? call.request.method + ' ' + call.request.uri : 'thread ' + call.thread);

  const requestLine = (request) =>
    request.method + ' ' + request.uri + (request.clientAddress ? ' from ' + request.clientAddress : '');

  function plural(count, word) {
    return count + ' ' + word + (count === 1 ? '' : word.endsWith('s') ? 'es' : 's');
  }

  const classList = (names) => names.map(simpleName).join(', ');

  // Compile errors as javac prints them: where, what, the source line and a caret under
  // the column (tabs kept, so that the caret lines up)
  function compileErrorsText(errors) {
    return errors.map((error) => {
      const where = error.file ? error.file.split(/[\\/]/).pop()
        + (error.line ? ':' + error.line + (error.column ? ':' + error.column : '') : '') + ': ' : '';
      const lines = [where + error.message];
      if (error.sourceLine !== null && error.sourceLine !== undefined) {
        lines.push(error.sourceLine);
        if (error.column) {
          lines.push(error.sourceLine.slice(0, error.column - 1).replace(/[^\t]/g, ' ') + '^');
        }
      }
      return lines.join('\n');
    }).join('\n');
  }

  // Polling

  async function poll() {
    const sequence = ++state.pollSequence;
    try {
      const response = await fetch(endpoint, { cache: 'no-store', headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(response.status === 404
          ? 'the hotrestart endpoint answered 404: is hot restart active?'
          : 'the hotrestart endpoint answered HTTP ' + response.status);
      }
      const data = await response.json();
      if (sequence > state.appliedSequence) {
        state.appliedSequence = sequence;
        state.failures = data.failures || [];
        state.changedClasses = data.changedClasses || [];
        state.latestChange = data.latestChange || null;
        state.history = data.history || [];
        setLive('live', 'Live', 'Updated every second from ' + endpoint);
        render();
      }
    } catch (error) {
      setLive('down', 'Disconnected, retrying…', String(error.message || error));
    }
  }

  function loop() {
    poll().finally(() => setTimeout(loop, document.hidden ? HIDDEN_POLL_MILLIS
      : state.failures.length > 0 ? PARKED_POLL_MILLIS : POLL_MILLIS));
  }

  function setLive(liveState, text, title) {
    const live = byId('live');
    live.dataset.state = liveState;
    live.title = title;
    byId('live-text').textContent = text;
  }

  // Rendering

  function render() {
    reconcileSelection();
    renderFailures();
    renderHistory();
    renderDetails();
    tick();
  }

  function reconcileSelection() {
    const ids = state.failures.map((failure) => failure.id);
    if (state.selected !== null && (ids.includes(state.selected) || state.resolved.has(state.selected))) {
      return;
    }
    state.selected = ids.length > 0 ? ids[0] : null;
  }

  function renderFailures() {
    const list = byId('failures');
    const count = state.failures.length;
    byId('count').textContent = count;
    byId('count').classList.toggle('has-parked', count > 0);
    byId('failures-empty').hidden = count > 0;
    document.title = (count > 0 ? '(' + count + ') ' : '') + 'Hot restart';
    const existing = new Map([...list.children].map((item) => [item.dataset.id, item]));
    const focusedId = document.activeElement && document.activeElement.closest('#failures li')
      ? document.activeElement.closest('li').dataset.id : null;
    state.failures.forEach((failure, index) => {
      const key = JSON.stringify([failure.attempt, failure.state, failure.exception.type, failure.exception.message,
        failure.clientGone]);
      let item = existing.get(failure.id);
      if (!item || item.dataset.key !== key) {
        const fresh = card(failure, key);
        if (item) {
          item.replaceWith(fresh);
        }
        item = fresh;
      }
      existing.delete(failure.id);
      if (list.children[index] !== item) {
        list.insertBefore(item, list.children[index] || null);
      }
      item.firstChild.setAttribute('aria-current', String(failure.id === state.selected));
      if (failure.id === focusedId && document.activeElement !== item.firstChild) {
        item.firstChild.focus();
      }
    });
    existing.forEach((item) => item.remove());
  }

  function card(failure, key) {
    return h('li', { 'data-id': failure.id, 'data-key': key },
      h('button', { class: 'card', type: 'button', 'data-state': failure.state, onclick: () => select(failure.id) },
        h('span', { class: 'card-method', text: failure.method }),
        h('span', { class: 'card-exception', text: exceptionLine(failure.exception) }),
        h('span', { class: 'card-meta' },
          h('span', { class: 'card-origin', text: origin(failure) }),
          failure.request && failure.request.remote && h('span', { text: 'from ' + failure.request.clientAddress }),
          failure.clientGone && h('span', { class: 'card-gone', text: 'client gone' }),
          h('span', { text: 'attempt ' + failure.attempt }),
          failure.state === 'running'
            ? h('span', { text: 'running again…' })
            : h('span', { 'data-since': failure.firstParkedAt, 'data-prefix': 'parked ' }))));
  }

  function renderHistory() {
    const list = byId('history');
    byId('history-empty').hidden = state.history.length > 0;
    const key = JSON.stringify(state.history.map((entry) => entry.id + entry.outcome));
    if (list.dataset.key === key) {
      return;
    }
    list.dataset.key = key;
    list.replaceChildren(...state.history.map((entry) => h('li', { 'data-id': entry.id, title: origin(entry) },
      h('div', { class: 'history-line' },
        h('span', { class: 'badge', 'data-outcome': entry.outcome, text: entry.outcome }),
        h('span', { class: 'history-method', text: entry.method })),
      h('div', { class: 'history-meta', text: [
        plural(entry.attempts, 'attempt'),
        (entry.outcome === 'resumed' ? 'fixed in ' : 'parked ') + duration(entry.parkedMillis),
        'at ' + clock(entry.resolvedAt)
      ].join(' · ') }))));
  }

  function renderDetails() {
    const details = byId('details');
    const failure = state.failures.find((candidate) => candidate.id === state.selected);
    const resolved = failure ? null : state.resolved.get(state.selected);
    const shown = failure || resolved;
    const outcome = state.outcomes.get(state.selected) || null;
    const key = JSON.stringify([shown ? shown.id : null,
      failure ? [failure.attempt, failure.state, failure.clientGone, failure.localsCapture] : 'resolved',
      state.changedClasses, state.latestChange, outcome, state.busy.has(state.selected)]);
    if (state.detailsKey === key) {
      return;
    }
    state.detailsKey = key;
    if (!shown) {
      details.replaceChildren(byId('empty-template').content.cloneNode(true));
      return;
    }
    details.replaceChildren(header(shown, failure), body(shown, failure, outcome));
  }

  function header(call, failure) {
    const busy = state.busy.has(call.id);
    const actionable = failure && failure.state === 'parked' && !busy;
    return h('header', { class: 'd-head' },
      h('div', { class: 'd-title' },
        h('p', { class: 'eyebrow' },
          'Call ' + call.id, h('span', { class: 'sep', text: '·' }), 'attempt ' + call.attempt,
          h('span', { class: 'sep', text: '·' }),
          failure
            ? (failure.state === 'running' ? 'running again' : h('span', { 'data-since': call.firstParkedAt, 'data-prefix': 'parked ' }))
            : 'no longer parked'),
        h('h2', { class: 'd-method', text: call.method }),
        h('p', { class: 'd-class', text: call.className })),
      failure && h('div', { class: 'actions' },
        h('button', { class: 'btn btn-go', type: 'button', 'data-action': 'continue', disabled: !actionable,
          title: 'Reload changed classes and call the method again', onclick: () => act(call.id, 'continue') },
        'Continue', h('kbd', { text: 'C' })),
        h('button', { class: 'btn btn-stop', type: 'button', 'data-action': 'abort', disabled: !actionable,
          title: 'Give the caller the original exception', onclick: () => act(call.id, 'abort') },
        'Abort', h('kbd', { text: 'A' }))));
  }

  function body(call, failure, outcome) {
    const exception = call.exception;
    return h('div', { class: 'd-body' },
      outcome && notice(outcome, 'outcome'),
      failure && failure.clientGone && notice({ tone: 'bad', title: 'The client has disconnected.',
        text: 'Continue still runs the method again, but nobody receives the answer. Abort frees the thread.' },
      'client-gone'),
      h('div', { class: 'exception' },
        h('p', { class: 'ex-type', text: exception.type }),
        exception.message && h('p', { class: 'ex-message', text: exception.message })),
      failure && changesNotice(failure),
      facts(call),
      h('section', {},
        h('h3', { class: 'section-title', text: 'Stack trace' }),
        failure && localsNotice(failure),
        stackTrace(exception)),
      h('details', { class: 'raw' },
        h('summary', { text: 'Raw stack trace' }),
        h('pre', { text: exception.stackTrace })));
  }

  function notice(outcome, role) {
    return h('div', { class: 'notice', 'data-tone': outcome.tone, 'data-role': role, role: 'status' },
      h('div', {},
        h('strong', { text: outcome.title }),
        outcome.text && ' ' + outcome.text,
        outcome.pre && h('pre', { text: outcome.pre })));
  }

  function changesNotice(failure) {
    const latest = state.latestChange;
    if (latest && Date.parse(latest.at) >= Date.parse(failure.parkedAt)) {
      return latestChangeNotice(latest);
    }
    const changed = state.changedClasses;
    if (changed.length === 0) {
      return notice({ tone: 'neutral', title: 'No class file has changed yet.',
        text: 'Fix the code and recompile: the change is applied the moment the build lands, and Continue calls the method again.' }, 'changes');
    }
    const shown = notice({ tone: 'ok', title: plural(changed.length, 'class') + ' changed: ',
      text: classList(changed) + '. Continue reloads ' + (changed.length === 1 ? 'it.' : 'them.') }, 'changes');
    shown.title = changed.join('\n');
    return shown;
  }

  // Why the frames show no local variables, when they do not
  function localsNotice(failure) {
    if (failure.localsCapture === 'next-attempt') {
      return notice({ tone: 'neutral', title: 'No local variables for this attempt.',
        text: 'Hot restart began recording them after this attempt failed. Continue without a change to capture '
          + 'them: the call runs again and, failing the same way, parks with the locals of its frames.' }, 'locals');
    }
    if (failure.localsCapture === 'unavailable') {
      return notice({ tone: 'neutral', title: 'Local variables cannot be recorded in this JVM.',
        text: 'The application log says why. Starting the JVM with the hot-restart jar as -javaagent records them.' },
      'locals');
    }
    return null;
  }

  // What became of the latest build since this attempt parked, told without any request
  function latestChangeNotice(latest) {
    const at = ' (' + clock(latest.at) + ')';
    const notes = (list) => list.map((note) => note.member + ': ' + note.cause).join('\n');
    let shown;
    switch (latest.state) {
      case 'applied':
        shown = latest.classes.length === 0
          ? notice({ tone: 'ok', title: 'Saved sources compile' + at + '.',
            text: 'They compile to the code that runs; Continue calls the method again.' }, 'latest-change')
          : notice({ tone: 'ok', title: 'Applied at save' + at + ': ', text: classList(latest.classes)
            + '. The application runs the new code now; Continue calls the method again.',
          pre: latest.warnings.length > 0 ? notes(latest.warnings) : null }, 'latest-change');
        break;
      case 'compile-failed':
        shown = notice({ tone: 'bad', title: 'Does not compile' + at + '.',
          text: 'Nothing was applied; fix the source and save it again, or abort.',
          pre: (latest.compileErrors || []).length > 0 ? compileErrorsText(latest.compileErrors) : latest.error }, 'latest-change');
        break;
      case 'refused':
        shown = notice({ tone: 'bad', title: 'Refused at save' + at + ': ', text: classList(latest.classes)
          + '. Nothing was applied; change the fix and recompile, or abort.', pre: notes(latest.refusals) }, 'latest-change');
        break;
      case 'rejected':
        shown = notice({ tone: 'bad', title: 'A class file cannot be loaded' + at + '.',
          text: 'Nothing was applied; recompile once the build has finished.',
          pre: latest.files.map((file) => file.file + ' ' + file.cause).join('\n') }, 'latest-change');
        break;
      default:
        shown = notice({ tone: 'bad', title: 'Classes cannot be redefined in this JVM.', pre: latest.error }, 'latest-change');
    }
    shown.dataset.state = latest.state;
    return shown;
  }

  function facts(call) {
    return h('dl', { class: 'facts' },
      h('dt', { text: 'Request' }), h('dd', { class: 'mono', text: call.request ? requestLine(call.request) : 'none (not a web request)' }),
      h('dt', { text: 'Thread' }), h('dd', { class: 'mono', text: call.thread }),
      h('dt', { text: 'Parked' }), h('dd', { text: 'at ' + clock(call.firstParkedAt) + (call.attempt > 1 ? ', attempt ' + call.attempt + ' at ' + clock(call.parkedAt) : '') }),
      h('dt', { text: 'Arguments' }), h('dd', {},
        call.arguments.length === 0
          ? h('span', { class: 'mono', text: 'none' })
          : h('ol', {}, call.arguments.map((argument, index) => h('li', { 'data-index': index, text: argument })))));
  }

  function stackTrace(exception) {
    // The locals of the first frame that has them show unfolded
    const unfold = { first: true };
    const blocks = [traceBlock('', exception.type, exception.message, exception.frames, exception.omittedFrames, unfold)];
    for (const cause of exception.causes || []) {
      blocks.push(traceBlock('Caused by', cause.type, cause.message, cause.frames, cause.omittedFrames, unfold));
    }
    return h('div', { class: 'traces' }, blocks.map((block, index) => {
      if (index > 0) {
        block.style.marginTop = '10px';
      }
      return block;
    }));
  }

  function traceBlock(label, type, message, frames, omitted, unfold) {
    return h('div', { class: 'trace' },
      h('div', { class: 'trace-head' },
        label && h('span', { class: 'label', text: label }),
        h('code', { text: type, title: type }),
        message && h('span', { class: 'msg', text: ': ' + message })),
      h('div', { class: 'frames' }, groupFrames(frames, unfold),
        omitted > 0 && h('div', { class: 'more', text: '… ' + plural(omitted, 'more frame') })));
  }

  // Runs of framework frames fold away, so the application's own frames stand out; the
  // frame that threw stays visible for context.
  function groupFrames(frames, unfold) {
    const nodes = [];
    let index = 0;
    while (index < frames.length) {
      if (frames[index].application) {
        const each = frames[index++];
        nodes.push(frame(each));
        if (each.locals) {
          nodes.push(locals(each, unfold.first));
          unfold.first = false;
        }
        continue;
      }
      let end = index;
      while (end < frames.length && !frames[end].application) {
        end++;
      }
      let run = frames.slice(index, end);
      if (index === 0) {
        const keep = run.length > 3 ? 1 : run.length;
        run.slice(0, keep).forEach((each) => nodes.push(frame(each)));
        run = run.slice(keep);
      }
      if (run.length > 2) {
        nodes.push(h('details', {},
          h('summary', { text: plural(run.length, 'framework frame') }),
          run.map(frame)));
      } else {
        run.forEach((each) => nodes.push(frame(each)));
      }
      index = end;
    }
    return nodes;
  }

  function frame(each) {
    const location = each.file ? each.file + (each.line >= 0 ? ':' + each.line : '') : (each.line === -2 ? 'native' : 'unknown source');
    return h('div', { class: 'frame' + (each.application ? ' app' : ''), title: each.className + '.' + each.method },
      h('span', { class: 'frame-where' },
        h('span', { class: 'frame-pkg', text: packageOf(each.className) }),
        h('span', { class: 'frame-class', text: simpleName(each.className) }),
        '.',
        h('span', { class: 'frame-method', text: each.method })),
      fileLocation(each, location));
  }

  // Opening a frame's source line in an IDE, chosen in the header and remembered in this
  // browser. The endpoint gives application frames the path of their source file.

  const IDE_KEY = 'hot-restart.ide';

  const IDES = {
    idea: { name: 'IntelliJ IDEA', url: (path, line) => 'http://localhost:63342/api/file?file=' + encodeURIComponent(path) + (line > 0 ? '&line=' + line : '') },
    vscode: { name: 'VS Code', url: (path, line) => 'vscode://file' + uriPath(path) + (line > 0 ? ':' + line : '') },
    file: { name: 'a file URL', url: (path) => 'file://' + uriPath(path) }
  };

  let ide = storedIde();

  function storedIde() {
    try {
      const stored = localStorage.getItem(IDE_KEY);
      return stored === 'none' || Object.hasOwn(IDES, stored || '') ? stored : 'idea';
    } catch (error) {
      return 'idea';
    }
  }

  // '/home/me/A.java' or 'C:\me\A.java' as the path part of a URL
  function uriPath(path) {
    const slashed = path.replace(/\\/g, '/');
    return encodeURI(slashed.startsWith('/') ? slashed : '/' + slashed);
  }

  function fileLocation(each, location) {
    const target = Object.hasOwn(IDES, ide) ? IDES[ide] : null;
    if (!target || !each.sourcePath) {
      return h('span', { class: 'frame-file', text: location });
    }
    const href = target.url(each.sourcePath, each.line);
    return h('a', { class: 'frame-file', href, text: location,
      title: 'Open ' + each.sourcePath + (each.line > 0 ? ':' + each.line : '') + ' in ' + target.name,
      onclick: href.startsWith('http:') ? (event) => openInBackground(event, href) : null });
  }

  // IntelliJ IDEA's built-in server opens the file: ask it without leaving the console, and
  // show its answer in a tab only when it cannot be reached
  function openInBackground(event, href) {
    event.preventDefault();
    fetch(href, { mode: 'no-cors' }).catch(() => window.open(href, '_blank', 'noopener'));
  }

  function setUpIdeChoice() {
    const select = byId('ide');
    select.value = ide;
    select.addEventListener('change', () => {
      ide = select.value;
      try {
        localStorage.setItem(IDE_KEY, ide);
      } catch (error) {
        // Storage is off: the choice lasts until the page is reloaded
      }
      state.detailsKey = null;
      renderDetails();
    });
  }

  // The frame's variables at the moment the exception left it, values as the server
  // rendered them (toString(), bounded)
  function locals(each, open) {
    const names = Object.keys(each.locals);
    return h('details', { class: 'locals', open, 'data-frame': simpleName(each.className) + '.' + each.method },
      h('summary', { text: names.length === 0 ? 'no local variables held a value'
        : plural(names.length, 'local variable') }),
      names.length > 0 && h('dl', { class: 'vars' },
        names.flatMap((name) => [h('dt', { text: name }), h('dd', { text: each.locals[name] })])));
  }

  function tick() {
    for (const node of document.querySelectorAll('[data-since]')) {
      node.textContent = (node.dataset.prefix || '') + since(node.dataset.since);
    }
  }

  // Selection and actions

  function select(id) {
    if (state.selected !== id) {
      state.selected = id;
      render();
    }
  }

  function move(step) {
    const ids = state.failures.map((failure) => failure.id);
    if (ids.length === 0) {
      return;
    }
    const current = ids.indexOf(state.selected);
    const next = current < 0 ? 0 : Math.min(ids.length - 1, Math.max(0, current + step));
    select(ids[next]);
    const item = byId('failures').querySelector('li[data-id="' + CSS.escape(ids[next]) + '"] .card');
    if (item) {
      item.focus();
    }
  }

  async function act(id, action) {
    const failure = state.failures.find((candidate) => candidate.id === id);
    if (!failure || failure.state !== 'parked' || state.busy.has(id)) {
      return;
    }
    state.busy.add(id);
    state.resolved.set(id, failure);
    state.outcomes.set(id, action === 'continue'
      ? { tone: 'busy', title: 'Continuing…', text: 'Reloading changed classes and calling the method again.' }
      : { tone: 'busy', title: 'Aborting…' });
    render();
    let outcome;
    try {
      const response = await fetch(endpoint + '/' + encodeURIComponent(id) + '/' + action,
        { method: 'POST', headers: { Accept: 'application/json' } });
      const answer = await response.json().catch(() => ({}));
      outcome = describe(action, response.status, answer);
    } catch (error) {
      outcome = { tone: 'bad', title: 'The application did not answer.', pre: String(error.message || error) };
    }
    if (!outcome.resolved) {
      state.resolved.delete(id);
    }
    state.outcomes.set(id, outcome);
    state.busy.delete(id);
    render();
    poll();
  }

  function reloadedText(answer) {
    const reloaded = answer.reloaded || [];
    const text = reloaded.length > 0 ? 'Reloaded ' + classList(reloaded) + '.'
      : 'Nothing left to reload: changes are applied as soon as they are compiled.';
    const notLoaded = answer.notLoaded || [];
    return notLoaded.length > 0 ? text + ' Changed but not loaded yet: ' + classList(notLoaded) + '.' : text;
  }

  function describe(action, status, answer) {
    if (answer.compileErrors) {
      return { tone: 'bad', title: 'Does not compile: the call stays parked.', text: 'Fix the source, save it and continue again.',
        pre: compileErrorsText(answer.compileErrors) };
    }
    if (status !== 200) {
      const title = status === 409 ? (action === 'continue' ? 'Refused: the call stays parked.' : 'Refused.')
        : status === 422 ? 'A class file cannot be loaded: the call stays parked.'
        : status === 404 ? 'This call is no longer parked.' : 'The endpoint answered HTTP ' + status + '.';
      const text = answer.error ? [answer.error, answer.advice].filter(Boolean).join('\n\n') : JSON.stringify(answer);
      return { tone: 'bad', title, pre: text, resolved: status === 404 };
    }
    if (action === 'abort') {
      return { tone: 'neutral', title: 'Aborted.', text: 'The caller got the original exception.', resolved: true };
    }
    switch (answer.outcome) {
      case 'resumed':
        return { tone: 'ok', title: 'Resumed.', text: reloadedText(answer) + ' The method returned and its caller got the answer.', resolved: true };
      case 'parked-again':
        return { tone: 'bad', title: 'Failed again, now attempt ' + answer.attempt + ':', text: reloadedText(answer),
          pre: answer.exception ? exceptionLine(answer.exception) : '' };
      case 'failed':
        return { tone: 'bad', title: 'Failed, and the caller got the exception:', text: reloadedText(answer),
          pre: answer.exception ? answer.exception.type + (answer.exception.message ? ': ' + answer.exception.message : '') : '',
          resolved: true };
      default:
        return { tone: 'neutral', title: 'Still running.', text: reloadedText(answer) + ' If it fails again it parks here as the next attempt.' };
    }
  }

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest('input, textarea, select, [contenteditable]')) {
      return;
    }
    const key = event.key;
    // Arrows select only from the list (or nowhere), so they still scroll a stack trace
    const inList = event.target === document.body || event.target.closest('#failures');
    if (key === 'j' || (key === 'ArrowDown' && inList)) {
      move(1);
    } else if (key === 'k' || (key === 'ArrowUp' && inList)) {
      move(-1);
    } else if ((key === 'c' || key === 'C') && state.selected !== null) {
      act(state.selected, 'continue');
    } else if ((key === 'a' || key === 'A') && state.selected !== null) {
      act(state.selected, 'abort');
    } else {
      return;
    }
    event.preventDefault();
  });

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      poll();
    }
  });

  const template = document.createElement('template');
  template.id = 'empty-template';
  template.content.append(byId('empty').cloneNode(true));
  document.body.append(template);

  setUpIdeChoice();
  setInterval(tick, 1000);
  loop();
})();
