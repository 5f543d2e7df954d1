(function () {
  'use strict';
  var t0 = performance.now();
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var FLAG = {admin: 1, dormant: 2, never: 4, deactivatedInGroups: 8, apiKey: 16};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  // A sortable, filterable, paged table that renders only the rows of the page shown.
  function Table(container, columns, rows, options) {
    options = options || {};
    var pageSize = options.pageSize || 50;
    var view = null, hay = null, filter = '', sortCol = -1, sortDir = 1, page = 0;
    var bar = el('div', 'table-bar');
    var input = el('input', 'filter');
    input.type = 'search';
    input.placeholder = 'Filter ' + (options.noun || 'rows') + '…';
    input.setAttribute('aria-label', input.placeholder);
    var count = el('span', 'count');
    bar.appendChild(input);
    bar.appendChild(count);
    var table = el('table', 'data');
    var thead = el('thead');
    var htr = el('tr');
    columns.forEach(function (c, i) {
      var th = el('th', c.num ? 'num' : '', c.name);
      th.title = 'Sort by ' + c.name;
      th.addEventListener('click', function () {
        sortDir = sortCol === i ? -sortDir : 1;
        sortCol = i;
        compute(false);
      });
      htr.appendChild(th);
    });
    thead.appendChild(htr);
    table.appendChild(thead);
    var tbody = el('tbody');
    table.appendChild(tbody);
    var pager = el('div', 'pager');
    var prev = el('button', '', '‹ Previous'), next = el('button', '', 'Next ›'), where = el('span', 'where');
    prev.type = next.type = 'button';
    prev.addEventListener('click', function () { if (page > 0) { page--; render(); } });
    next.addEventListener('click', function () { if ((page + 1) * pageSize < view.length) { page++; render(); } });
    pager.appendChild(prev); pager.appendChild(where); pager.appendChild(next);
    container.innerHTML = '';
    container.appendChild(bar);
    container.appendChild(table);
    container.appendChild(pager);
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { filter = input.value.trim().toLowerCase(); compute(true); }, 120);
    });

    function text(v) { return v === null || v === undefined ? '' : String(v); }
    function compute(refilter) {
      if (refilter || !view) {
        view = [];
        var words = filter.split(/\s+/).filter(Boolean);
        // The lower-cased text of each row is built on the first filter, not when the page opens.
        if (words.length && !hay) {
          hay = rows.map(function (r) { return r.map(text).join('\u0001').toLowerCase(); });
        }
        for (var i = 0; i < rows.length; i++) {
          if (!words.length) { view.push(i); continue; }
          var ok = true;
          for (var w = 0; w < words.length && ok; w++) { ok = hay[i].indexOf(words[w]) >= 0; }
          if (ok) { view.push(i); }
        }
      }
      if (sortCol >= 0) {
        var num = columns[sortCol].num, keys = new Array(rows.length);
        // One key per row shown, computed once per sort rather than at every comparison.
        for (var v = 0; v < view.length; v++) {
          var cell = rows[view[v]][sortCol];
          keys[view[v]] = num ? (cell || 0) : text(cell).toLowerCase();
        }
        view.sort(function (a, b) {
          var x = keys[a], y = keys[b];
          if (num) { return (x - y) * sortDir || a - b; }
          return (x < y ? -1 : x > y ? 1 : a - b) * sortDir;
        });
      }
      Array.prototype.forEach.call(htr.children, function (th, i) {
        th.setAttribute('aria-sort', i === sortCol ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
      });
      page = 0;
      render();
    }
    function render() {
      var frag = document.createDocumentFragment();
      var end = Math.min(view.length, (page + 1) * pageSize);
      for (var k = page * pageSize; k < end; k++) {
        var r = rows[view[k]], tr = el('tr');
        for (var c = 0; c < columns.length; c++) {
          var td = el('td', columns[c].num ? 'num' : '', columns[c].format ? columns[c].format(r[c], r) : text(r[c]));
          tr.appendChild(td);
        }
        if (options.onRow) {
          tr.className = 'clickable';
          tr.tabIndex = 0;
          (function (row) {
            tr.addEventListener('click', function () { options.onRow(row); });
            tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') { options.onRow(row); } });
          })(r);
        }
        frag.appendChild(tr);
      }
      tbody.innerHTML = '';
      if (!view.length) {
        var empty = el('tr'), td = el('td', 'empty', rows.length ? 'No row matches the filter.' : 'None.');
        td.colSpan = columns.length;
        empty.appendChild(td);
        frag.appendChild(empty);
      }
      tbody.appendChild(frag);
      count.textContent = view.length === rows.length ? rows.length + ' rows' : view.length + ' of ' + rows.length + ' rows';
      where.textContent = view.length ? (page * pageSize + 1) + '–' + end + ' of ' + view.length : '';
      prev.disabled = page === 0;
      next.disabled = end >= view.length;
      container.setAttribute('data-rows', String(view.length));
    }
    compute(true);
    return {setRows: function (r) { rows = r; hay = null; view = null; compute(true); }};
  }

  // Effective access: a principal's direct entitlements plus what expansion adds (computed by the report).
  function reach(i) {
    var out = [], type = D.accounts[i][2], closure = D.closure[type] || {};
    var direct = D.direct[i];
    for (var k = 0; k < direct.length; k++) {
      out.push([direct[k], []]);
      var more = closure[direct[k]];
      if (more) { for (var m = 0; m < more.length; m++) { out.push(more[m]); } }
    }
    return out;
  }
  function routes(i) {
    var by = {}, order = [];
    reach(i).forEach(function (r) {
      var name = r[1].length ? r[1].map(function (p) { return D.groupNames[p] || ('#' + p); }).join(' → ') : 'direct';
      if (!by[r[0]]) { by[r[0]] = []; order.push(r[0]); }
      if (by[r[0]].indexOf(name) < 0) { by[r[0]].push(name); }
    });
    return order.map(function (l) { return [l, by[l].join(', ')]; });
  }
  function account(i) { var a = D.accounts[i]; return a; }
  function status(a) { return a[3]; }
  function kind(a) { return a[5] & FLAG.apiKey ? 'API key' : 'person'; }

  // People and API keys, with a detail panel: everything one account can reach and why.
  var detail = document.getElementById('account-detail');
  function showAccount(row) {
    var i = row[row.length - 1], a = account(i);
    detail.innerHTML = '';
    var h = el('h3', '', a[0] + (a[1] ? ' <' + a[1] + '>' : ''));
    detail.appendChild(h);
    detail.appendChild(el('p', 'muted', kind(a) + ', ' + status(a) + (a[4] ? ', last login ' + a[4] : ', never logged in')));
    var rows = routes(i).map(function (r) {
      var lv = D.levels[r[0]], tg = D.targets[lv[0]];
      return [tg[1], tg[2], lv[1], r[1]];
    });
    var box = el('div');
    detail.appendChild(box);
    Table(box, [{name: 'Type'}, {name: 'Resource'}, {name: 'Level'}, {name: 'Through'}], rows, {noun: 'access', pageSize: 25});
    detail.hidden = false;
    detail.scrollIntoView({block: 'nearest'});
  }
  var accountRows = D.accounts.map(function (a, i) {
    return [a[0], a[1], kind(a), a[3], a[4], a[6], a[7], a[5] & FLAG.admin ? 'yes' : '', i];
  });
  Table(document.getElementById('accounts-table'), [
    {name: 'Name'}, {name: 'E-mail'}, {name: 'Kind'}, {name: 'Status'}, {name: 'Last login'},
    {name: 'Groups', num: true}, {name: 'Resources', num: true}, {name: 'Admin'}
  ], accountRows, {noun: 'people and API keys', onRow: showAccount});

  // Effective access on one resource, chosen in a list.
  var select = document.getElementById('target-select');
  var accessBox = document.getElementById('access-table');
  var accessTable = null;
  function accessRows(t) {
    var out = [];
    for (var i = 0; i < D.accounts.length; i++) {
      var rs = routes(i);
      for (var k = 0; k < rs.length; k++) {
        var lv = D.levels[rs[k][0]];
        if (lv[0] === t) {
          var a = D.accounts[i];
          out.push([a[0], a[1], kind(a), a[3], lv[1], rs[k][1]]);
        }
      }
    }
    return out;
  }
  if (select && D.resourceTargets.length) {
    D.resourceTargets.forEach(function (t) {
      var o = el('option', '', D.targets[t][1] + ': ' + D.targets[t][2]);
      o.value = String(t);
      select.appendChild(o);
    });
    var showTarget = function () {
      var rows = accessRows(Number(select.value));
      if (accessTable) { accessTable.setRows(rows); } else {
        accessTable = Table(accessBox, [{name: 'Name'}, {name: 'E-mail'}, {name: 'Kind'}, {name: 'Status'}, {name: 'Level'}, {name: 'Through'}],
          rows, {noun: 'access'});
      }
    };
    select.addEventListener('change', showTarget);
    showTarget();
  }

  var resourcesBox = document.getElementById('resources-table-paged');
  if (resourcesBox) {
    Table(resourcesBox, [{name: 'Type'}, {name: 'Resource'}, {name: 'Level'}, {name: 'Accounts', num: true}, {name: 'Granted to'}],
      D.resourceLevels, {noun: 'resources'});
  }

  function flagged(bit, extra) {
    var out = [];
    D.accounts.forEach(function (a, i) { if (a[5] & bit) { out.push(extra(a, i)); } });
    return out;
  }
  Table(document.getElementById('dormant-table'), [
    {name: 'Name'}, {name: 'E-mail'}, {name: 'Last login'}, {name: 'Groups', num: true}, {name: 'Resources', num: true}, {name: 'Why'}
  ], flagged(FLAG.dormant | FLAG.never, function (a) {
    return [a[0], a[1], a[4], a[6], a[7], a[5] & FLAG.never ? 'never logged in' : 'no login for ' + D.dormantDays + '+ days'];
  }), {noun: 'dormant accounts'});
  Table(document.getElementById('deactivated-table'), [
    {name: 'Name'}, {name: 'E-mail'}, {name: 'Status'}, {name: 'Groups', num: true}, {name: 'Resources', num: true}
  ], flagged(FLAG.deactivatedInGroups, function (a) { return [a[0], a[1], a[3], a[6], a[7]]; }), {noun: 'deactivated accounts'});
  Table(document.getElementById('groups-table'), [{name: 'Group'}, {name: 'Members', num: true}, {name: 'Access granted to the group'}],
    D.groups, {noun: 'groups'});
  var changes = document.getElementById('changes-table');
  if (changes) {
    Table(changes, [{name: 'Change'}, {name: 'Who'}, {name: 'Kind'}, {name: 'E-mail'}, {name: 'Type'}, {name: 'What'}, {name: 'Level'}, {name: 'Through'}],
      D.changes, {noun: 'changes'});
  }
  // Milliseconds from the start of navigation until every table is built (the benchmark reads it).
  document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  document.body.setAttribute('data-script-ms', String(Math.round(performance.now() - t0)));
  document.body.setAttribute('data-ready', 'true');
})();
