// rapport-kb: keyboard shortcut and search-as-you-type. The pages work without this file;
// it only adds to them (progressive enhancement), and it runs under a CSP without inline script.
(function () {
  "use strict";

  var MIN_CHARS = 2;
  var DELAY_MS = 120;

  function isEditable(element) {
    if (!element) {
      return false;
    }
    var tag = element.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable;
  }

  // "/" focuses the search box, as on many documentation sites.
  function primarySearchInput() {
    return document.querySelector("main [data-suggest]") || document.querySelector("[data-suggest]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (isEditable(document.activeElement)) {
      return;
    }
    var input = primarySearchInput();
    if (input) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });

  // An ARIA 1.2 combobox: the input owns a listbox of suggestions from /api/suggest.
  function Combobox(input) {
    this.input = input;
    this.list = document.getElementById(input.getAttribute("data-suggest"));
    this.status = document.getElementById(input.id + "-status");
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.request = null;
    this.lastQuery = null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);

    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeyDown.bind(this));
    input.addEventListener("blur", this.onBlur.bind(this));
    input.addEventListener("focus", this.onFocus.bind(this));
    this.list.addEventListener("mousedown", function (event) {
      event.preventDefault(); // keep the focus in the input
    });
    this.list.addEventListener("click", this.onClick.bind(this));
  }

  Combobox.prototype.onInput = function () {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () {
      self.fetch();
    }, DELAY_MS);
  };

  Combobox.prototype.fetch = function () {
    var self = this;
    var query = this.input.value.trim();
    if (query.length < MIN_CHARS) {
      this.lastQuery = null;
      this.show([]);
      return;
    }
    if (query === this.lastQuery) {
      return;
    }
    this.lastQuery = query;
    if (this.request) {
      this.request.abort();
    }
    var controller = new AbortController();
    this.request = controller;
    window
      .fetch("/api/suggest?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: controller.signal
      })
      .then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      })
      .then(function (body) {
        if (self.request === controller) {
          self.request = null;
          self.show(body.suggestions || []);
        }
      })
      .catch(function () {
        // Aborted by a newer keystroke, or offline: the plain form still works.
      });
  };

  // The text of a suggestion with the parts that match what was typed in <mark>, as text nodes.
  function markedText(text, marks) {
    var span = document.createElement("span");
    span.className = "suggestion-text";
    var upto = 0;
    (marks || []).forEach(function (mark) {
      var start = Math.max(mark.start, upto);
      var end = Math.min(mark.end, text.length);
      if (end <= start) {
        return;
      }
      span.appendChild(document.createTextNode(text.slice(upto, start)));
      var highlight = document.createElement("mark");
      highlight.textContent = text.slice(start, end);
      span.appendChild(highlight);
      upto = end;
    });
    span.appendChild(document.createTextNode(text.slice(upto)));
    return span;
  }

  // A row for a title, or for an alias followed by the title of the article it opens.
  function suggestionOption(suggestion) {
    var option = document.createElement("li");
    option.setAttribute("data-slug", suggestion.slug);
    option.appendChild(markedText(suggestion.text, suggestion.marks));
    if (suggestion.alias && suggestion.title) {
      var article = document.createElement("span");
      article.className = "suggestion-article";
      article.textContent = " \u2014 " + suggestion.title;
      option.appendChild(article);
    }
    return option;
  }

  // The last row: the full search for what was typed.
  function searchAllOption(query) {
    var option = document.createElement("li");
    option.className = "suggestion-search-all";
    option.setAttribute("data-search", query);
    option.textContent = "Search all results for '" + query + "'";
    return option;
  }

  Combobox.prototype.show = function (suggestions) {
    var list = this.list;
    var inputId = this.input.id;
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    var options = suggestions.map(suggestionOption);
    if (this.lastQuery) {
      options.push(searchAllOption(this.lastQuery));
    }
    this.items = options.map(function (option, index) {
      option.id = inputId + "-option-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      list.appendChild(option);
      return option;
    });
    this.setActive(-1);
    if (this.items.length === 0) {
      this.close();
      this.announce("");
      return;
    }
    list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    var count = suggestions.length;
    this.announce(
      count === 0
        ? "No suggestions. Enter searches all results."
        : count +
            (count === 1 ? " suggestion" : " suggestions") +
            ", then Search all results. Use the up and down arrow keys to choose, Enter to open."
    );
  };

  Combobox.prototype.isOpen = function () {
    return !this.list.hidden;
  };

  Combobox.prototype.close = function () {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.setActive(-1);
  };

  Combobox.prototype.setActive = function (index) {
    if (this.active >= 0 && this.items[this.active]) {
      this.items[this.active].setAttribute("aria-selected", "false");
    }
    this.active = index;
    if (index >= 0 && this.items[index]) {
      var option = this.items[index];
      option.setAttribute("aria-selected", "true");
      this.input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  Combobox.prototype.move = function (step) {
    if (this.items.length === 0) {
      return;
    }
    if (!this.isOpen()) {
      this.list.hidden = false;
      this.input.setAttribute("aria-expanded", "true");
    }
    var count = this.items.length;
    var next = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
    this.setActive(next);
  };

  Combobox.prototype.open = function (option) {
    var slug = option.getAttribute("data-slug");
    var query = option.getAttribute("data-search");
    this.close();
    if (query !== null) {
      this.input.value = query;
      if (this.input.form.requestSubmit) {
        this.input.form.requestSubmit();
      } else {
        this.input.form.submit();
      }
      return;
    }
    window.location.assign("/articles/" + encodeURIComponent(slug));
  };

  Combobox.prototype.onKeyDown = function (event) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        this.move(1);
        break;
      case "ArrowUp":
        event.preventDefault();
        this.move(-1);
        break;
      case "Enter":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          this.open(this.items[this.active]);
        }
        break;
      case "Escape":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else if (this.input.value !== "") {
          event.preventDefault();
          this.input.value = "";
          this.lastQuery = null;
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  };

  Combobox.prototype.onClick = function (event) {
    var option = event.target.closest("[role=option]");
    if (option) {
      this.open(option);
    }
  };

  Combobox.prototype.onBlur = function () {
    this.close();
  };

  Combobox.prototype.onFocus = function () {
    if (this.items.length > 0 && this.input.value.trim() === this.lastQuery) {
      this.list.hidden = false;
      this.input.setAttribute("aria-expanded", "true");
    }
  };

  Combobox.prototype.announce = function (text) {
    if (this.status) {
      this.status.textContent = text;
    }
  };

  document.querySelectorAll("[data-suggest]").forEach(function (input) {
    if (document.getElementById(input.getAttribute("data-suggest"))) {
      new Combobox(input);
    }
  });
})();
