// rapport-kb: deliberate practice in the browser. The practice page works without this file (each
// rating link leads to the next item); this file adds what needs memory: ratings and responses kept
// in this browser's localStorage (never sent anywhere), items rated hard brought back on a Leitner
// schedule, a session of ten items, a timer, approximate hints and the practice diary.
(function () {
  "use strict";

  var STORE_KEY = "rapport-kb.practice";
  var SESSION_KEY = "rapport-kb.practice.session";
  var SESSION_SIZE = 10;
  var DAY = 24 * 60 * 60 * 1000;
  // Leitner boxes 1-5: how long an item rests after a rating puts it in that box. Box 1 (rated too
  // hard) is due at once, so it comes back in the next session.
  var BOX_REST = [0, DAY, 3 * DAY, 7 * DAY, 21 * DAY];
  var DIFFICULTIES = ["beginner", "intermediate", "advanced"];
  var RATINGS = { easy: "Too easy", good: "Good challenge", hard: "Too hard" };

  // ---- storage ------------------------------------------------------------------------------

  function emptyStore() {
    return { version: 1, attempts: [], items: {} };
  }

  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem(STORE_KEY));
      if (data && data.version === 1 && Array.isArray(data.attempts) && data.items) {
        return data;
      }
    } catch (e) {
      // unreadable or blocked storage: start empty
    }
    return emptyStore();
  }

  function save(store) {
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify(store));
      return true;
    } catch (e) {
      return false;
    }
  }

  /** Records one rated attempt and moves the item between Leitner boxes. */
  function record(store, item, rating, response, met, of, now) {
    var state = store.items[item.id] || { box: 0, count: 0 };
    if (rating === "hard") {
      state.box = 1;
    } else if (rating === "good") {
      state.box = Math.min(5, state.box + 1);
    } else {
      state.box = Math.min(5, state.box + 2);
    }
    state.due = now + BOX_REST[state.box - 1];
    state.count += 1;
    state.last = now;
    state.rating = rating;
    state.article = item.article;
    state.title = item.title;
    state.module = item.module;
    state.difficulty = item.difficulty;
    state.client = item.client;
    store.items[item.id] = state;
    store.attempts.push({
      id: item.id,
      article: item.article,
      title: item.title,
      difficulty: item.difficulty,
      client: item.client,
      rating: rating,
      met: met,
      of: of,
      response: response,
      at: new Date(now).toISOString()
    });
  }

  function dueItems(store, now) {
    return Object.keys(store.items)
      .filter(function (id) {
        return store.items[id].due <= now;
      })
      .sort(function (a, b) {
        return store.items[a].due - store.items[b].due;
      });
  }

  // ---- choosing the next item ---------------------------------------------------------------

  function shift(difficulty, rating) {
    var index = DIFFICULTIES.indexOf(difficulty);
    if (rating === "easy") {
      index = Math.min(index + 1, 2);
    } else if (rating === "hard") {
      index = Math.max(index - 1, 0);
    }
    return DIFFICULTIES[index];
  }

  /**
   * The next item of the pool ([[id, difficulty index], ...]): at the target difficulty (or the
   * nearest that has one), not yet seen this session; due items first, then new ones, then the
   * longest rested.
   */
  function pickNext(pool, target, seen, store, now) {
    var wanted = DIFFICULTIES.indexOf(target);
    function rank(entry) {
      var state = store.items[entry[0]];
      if (state && state.due <= now) {
        return [0, state.due];
      }
      if (!state) {
        return [1, 0];
      }
      return [2, state.last || 0];
    }
    function best(candidates) {
      var chosen = null;
      candidates.forEach(function (entry) {
        var r = rank(entry);
        var distance = Math.abs(entry[1] - wanted);
        var key = [distance, r[0], r[1]];
        if (!chosen || compare(key, chosen.key) < 0) {
          chosen = { entry: entry, key: key };
        }
      });
      return chosen && chosen.entry;
    }
    var fresh = pool.filter(function (entry) {
      return seen.indexOf(entry[0]) < 0;
    });
    return best(fresh.length ? fresh : pool.filter(function (entry) {
      return entry[0] !== seen[seen.length - 1];
    }));
  }

  function compare(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return a[i] < b[i] ? -1 : 1;
      }
    }
    return 0;
  }

  // ---- approximate hints ----------------------------------------------------------------------

  var AUXILIARY = /^(do|does|did|are|is|was|were|am|have|has|had|can|could|will|would|should|shall|may|might|must|ain't|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|couldn't|haven't|hasn't)\b/i;
  // Advice: a suggestion anywhere, or a sentence that opens by telling the client what to do
  // ("You should...", "Maybe you need to..."), which a reflection of the client's own "should" does
  // not ("Part of you feels you should...").
  var ADVICE_ANYWHERE = /\b(have you tried|have you thought about|why don't you|why not try|i suggest|i'd suggest|i recommend|i'd recommend|my advice|if i were you|the best thing (is|would be) to)\b/i;
  var ADVICE_OPENING = /(^|[.!?]\s+)((i think|maybe|perhaps|honestly|really),?\s+)?(you (should|shouldn't|need to|have to|must|ought to)|try to|just try)\b/i;

  function words(text) {
    var found = text.trim().match(/[^\s]+/g);
    return found ? found.length : 0;
  }

  function questions(text) {
    var found = text.match(/[^.?!]*\?/g) || [];
    return found.map(function (q) {
      return q.replace(/^[\s"'\u201c\u2018(\[]+/, "").trim();
    });
  }

  /**
   * Rough hints on a typed response; each has a code (for tests) and a sentence. They are rules of
   * thumb, not a judgment: a closed question is only flagged when the skill's criteria ask for an
   * open one.
   */
  function hints(response, client, criteria) {
    var text = (response || "").trim();
    var out = [];
    if (!text) {
      return out;
    }
    var asked = questions(text);
    var wantsOpen = (criteria || []).some(function (c) {
      return /\bopen(-ended)? question/i.test(c);
    });
    if (asked.some(function (q) { return /\bwhy\b/i.test(q); })) {
      out.push({ code: "why-question", text: "A \u201cwhy\u201d question can sound like a demand to justify; \u201cwhat\u201d or \u201chow\u201d usually invites more." });
    }
    if (wantsOpen && asked.length && asked.every(function (q) { return AUXILIARY.test(q); })) {
      out.push({ code: "closed-question", text: "This reads as a closed (yes/no) question; the skill asks for an open one." });
    }
    if (asked.length > 1) {
      out.push({ code: "stacked-questions", text: "Several questions at once; ask one and let the client answer." });
    }
    if (ADVICE_ANYWHERE.test(text) || ADVICE_OPENING.test(text)) {
      out.push({ code: "advice", text: "This sounds like advice. Check whether the skill calls for it; most rapport skills do not, at least not yet." });
    }
    var clientWords = words(client || "");
    if (words(text) > Math.max(30, 10 * clientWords)) {
      out.push({ code: "too-long", text: "Your response is much longer than what the client said; a shorter one usually lands better." });
    }
    return out;
  }

  window.RapportPractice = { hints: hints, pickNext: pickNext, record: record, shift: shift };

  // ---- the practice page ----------------------------------------------------------------------

  function isEditable(element) {
    var tag = element && element.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (element && element.isContentEditable);
  }

  function loadSession(key) {
    var fromLink = new URLSearchParams(window.location.search).get("session") === "1";
    try {
      var session = JSON.parse(window.sessionStorage.getItem(SESSION_KEY));
      if (fromLink && session && session.key === key) {
        return session;
      }
    } catch (e) {
      // start a new session
    }
    return { key: key, count: 0, seen: [] };
  }

  function saveSession(session) {
    try {
      window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    } catch (e) {
      // the session simply does not continue
    }
  }

  function practicePage(card) {
    var item = {
      id: card.getAttribute("data-item"),
      article: card.getAttribute("data-article"),
      title: card.getAttribute("data-title"),
      module: card.getAttribute("data-module"),
      difficulty: card.getAttribute("data-difficulty"),
      client: card.querySelector(".client-line").textContent.trim()
    };
    var selectionArticle = card.getAttribute("data-selection-article") || "";
    var selectionModule = card.getAttribute("data-selection-module") || "";
    var pool = JSON.parse(card.getAttribute("data-pool") || "[]");
    var session = loadSession(selectionArticle + "|" + selectionModule);
    var answer = document.getElementById("practice-answer");
    var reveal = document.getElementById("practice-reveal");
    var criteria = Array.prototype.map.call(card.querySelectorAll(".criterion"), function (label) {
      return label.textContent.trim();
    });
    var store = load();

    var progress = document.getElementById("practice-session");
    progress.textContent = "· item " + (session.count + 1) + " of " + SESSION_SIZE + " in this session";
    var before = store.items[item.id];
    if (before) {
      var note = document.createElement("p");
      note.className = "practice-history muted";
      note.textContent = "You have practised this item " + before.count + (before.count === 1 ? " time" : " times")
        + "; last rated \u201c" + RATINGS[before.rating] + "\u201d on " + new Date(before.last).toLocaleDateString() + ".";
      card.insertBefore(note, card.querySelector("h2"));
    }

    // tools: timer and hints
    document.getElementById("practice-tools").hidden = false;
    var timerButton = document.getElementById("practice-timer");
    var timerDisplay = document.getElementById("practice-timer-display");
    var timer = null;
    var started = 0;
    timerButton.addEventListener("click", function () {
      if (timer) {
        window.clearInterval(timer);
        timer = null;
        timerButton.textContent = "Start timer";
        timerButton.setAttribute("aria-pressed", "false");
        return;
      }
      started = Date.now();
      timerDisplay.textContent = "0:00";
      timer = window.setInterval(function () {
        var seconds = Math.floor((Date.now() - started) / 1000);
        timerDisplay.textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
      }, 1000);
      timerButton.textContent = "Stop timer";
      timerButton.setAttribute("aria-pressed", "true");
    });
    var hintBox = document.getElementById("practice-hints");
    var hintList = document.getElementById("practice-hint-list");
    document.getElementById("practice-hints-button").addEventListener("click", function () {
      var found = hints(answer.value, item.client, criteria);
      hintList.textContent = "";
      if (!answer.value.trim()) {
        found = [{ text: "Write a response first." }];
      } else if (!found.length) {
        found = [{ text: "None of the simple rules found anything. Check it against the criteria." }];
      }
      found.forEach(function (hint) {
        var li = document.createElement("li");
        li.textContent = hint.text;
        hintList.appendChild(li);
      });
      hintBox.hidden = false;
    });

    function go(rating, fallback) {
      var now = Date.now();
      if (rating !== "skip") {
        var met = card.querySelectorAll(".criterion input:checked").length;
        record(store, item, rating, answer.value.trim(), met, criteria.length, now);
        if (!save(store)) {
          window.location.href = fallback;
          return;
        }
        session.count += 1;
      }
      session.seen.push(item.id);
      saveSession(session);
      if (session.count >= SESSION_SIZE) {
        window.sessionStorage.removeItem(SESSION_KEY);
        window.location.href = "/practice/diary?session=" + session.count;
        return;
      }
      var target = shift(item.difficulty, rating);
      var next = pickNext(pool, target, session.seen, store, now);
      if (!next) {
        window.location.href = fallback;
        return;
      }
      var params = new URLSearchParams();
      if (selectionArticle) {
        params.set("article", selectionArticle);
      }
      if (selectionModule) {
        params.set("module", selectionModule);
      }
      params.set("difficulty", DIFFICULTIES[next[1]]);
      params.set("item", next[0]);
      params.set("session", "1");
      window.location.href = "/practice?" + params.toString();
    }

    var links = card.querySelectorAll("[data-rating]");
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        go(link.getAttribute("data-rating"), link.href);
      });
    });

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || isEditable(document.activeElement)) {
        return;
      }
      if (event.key === "r") {
        event.preventDefault();
        reveal.open = !reveal.open;
        if (reveal.open) {
          reveal.querySelector("summary").focus();
        }
      } else if (event.key === "n") {
        event.preventDefault();
        card.querySelector("[data-rating=skip]").click();
      } else if (event.key === "1" || event.key === "2" || event.key === "3") {
        event.preventDefault();
        card.querySelector("[data-key='" + event.key + "']").click();
      }
    });
  }

  // ---- the diary ------------------------------------------------------------------------------

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function day(iso) {
    return new Date(iso).toLocaleDateString();
  }

  function skillRows(store) {
    var bySkill = {};
    store.attempts.forEach(function (a) {
      var s = bySkill[a.article] || (bySkill[a.article] = {
        title: a.title, items: {}, attempts: 0, easy: 0, good: 0, hard: 0, met: 0, of: 0, last: a.at
      });
      s.items[a.id] = true;
      s.attempts += 1;
      s[a.rating] += 1;
      s.met += a.met || 0;
      s.of += a.of || 0;
      if (a.at > s.last) {
        s.last = a.at;
      }
    });
    return Object.keys(bySkill).map(function (slug) {
      var s = bySkill[slug];
      s.slug = slug;
      s.distinct = Object.keys(s.items).length;
      return s;
    }).sort(function (a, b) {
      return a.last < b.last ? 1 : -1;
    });
  }

  function csv(store) {
    var header = ["date", "skill", "difficulty", "rating", "criteria_met", "criteria_total", "client", "response"];
    var lines = [header.join(",")];
    store.attempts.forEach(function (a) {
      lines.push([a.at, a.title, a.difficulty, RATINGS[a.rating], a.met, a.of, a.client, a.response]
        .map(function (value) {
          var text = value === undefined || value === null ? "" : String(value);
          return /[",\n\r]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
        }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function download(name, type, content) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  function diaryPage(diary) {
    var store = load();
    var now = Date.now();
    diary.hidden = false;
    var done = new URLSearchParams(window.location.search).get("session");
    if (done && /^\d+$/.test(done)) {
      var banner = document.getElementById("diary-session");
      banner.textContent = "Session complete: " + done + " items practised. Well done. The items you found too hard are listed as due again.";
      banner.hidden = false;
    }
    document.getElementById("diary-date").textContent = new Date(now).toLocaleDateString();
    var empty = store.attempts.length === 0;
    document.getElementById("diary-empty").hidden = !empty;
    document.getElementById("diary-content").hidden = empty;
    document.getElementById("diary-count").textContent = store.attempts.length + (store.attempts.length === 1 ? " item" : " items")
      + " practised, " + Object.keys(store.items).length + " different ones";

    var due = dueItems(store, now);
    var dueList = document.getElementById("diary-due");
    dueList.textContent = "";
    document.getElementById("diary-due-none").hidden = due.length > 0;
    due.forEach(function (id) {
      var state = store.items[id];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "/practice?article=" + encodeURIComponent(state.article) + "&item=" + encodeURIComponent(id);
      a.textContent = "\u201c" + state.client + "\u201d";
      li.appendChild(a);
      li.appendChild(document.createTextNode(" \u2014 " + state.title + ", " + state.difficulty + ", last rated " + RATINGS[state.rating].toLowerCase()));
      dueList.appendChild(li);
    });

    var skills = document.querySelector("#diary-skills tbody");
    skills.textContent = "";
    skillRows(store).forEach(function (s) {
      var row = document.createElement("tr");
      var name = cell(row, "");
      var link = document.createElement("a");
      link.href = "/practice?article=" + encodeURIComponent(s.slug);
      link.textContent = s.title;
      name.appendChild(link);
      cell(row, s.distinct + " / " + s.attempts);
      cell(row, s.easy + " \u00b7 " + s.good + " \u00b7 " + s.hard);
      cell(row, s.of ? Math.round(100 * s.met / s.of) + "%" : "\u2014");
      cell(row, day(s.last));
      skills.appendChild(row);
    });

    var attempts = document.querySelector("#diary-attempts tbody");
    attempts.textContent = "";
    store.attempts.slice().reverse().slice(0, 50).forEach(function (a) {
      var row = document.createElement("tr");
      cell(row, day(a.at));
      cell(row, a.title + " (" + a.difficulty + ")");
      cell(row, "\u201c" + a.client + "\u201d");
      cell(row, a.response || "\u2014");
      cell(row, RATINGS[a.rating]);
      cell(row, a.of ? a.met + " of " + a.of : "\u2014");
      attempts.appendChild(row);
    });
  }

  function diaryActions(diary) {
    document.getElementById("diary-print").addEventListener("click", function () {
      window.print();
    });
    document.getElementById("diary-csv").addEventListener("click", function () {
      download("practice-diary.csv", "text/csv;charset=utf-8", csv(load()));
    });
    document.getElementById("diary-json").addEventListener("click", function () {
      download("practice-diary.json", "application/json", JSON.stringify(load(), null, 2));
    });
    var clear = document.getElementById("diary-clear");
    clear.addEventListener("click", function () {
      if (clear.getAttribute("data-armed") !== "true") {
        clear.setAttribute("data-armed", "true");
        clear.textContent = "Click again to delete the whole diary";
        return;
      }
      window.localStorage.removeItem(STORE_KEY);
      clear.removeAttribute("data-armed");
      clear.textContent = "Clear diary";
      diaryPage(diary);
      document.getElementById("diary-status").textContent = "The diary is cleared.";
    });
  }

  window.RapportPractice.csv = csv;

  // Notes for readers without JavaScript say what needs it; with it they are not needed.
  Array.prototype.forEach.call(document.querySelectorAll("[data-without-script]"), function (note) {
    note.hidden = true;
  });

  var card = document.getElementById("practice-card");
  if (card) {
    practicePage(card);
  }
  var diary = document.getElementById("diary");
  if (diary) {
    diaryPage(diary);
    diaryActions(diary);
  }
})();
