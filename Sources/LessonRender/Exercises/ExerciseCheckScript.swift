/// The in-page answer check (`convbook-check.js`, written once per site): progressive enhancement
/// of the value exercise cards. A card with a sealed key carries a hidden form; the script shows
/// it, reads a typed answer as `convbook check` reads it (a literal, never evaluated), compares it
/// with the same salted SHA-256 key (SubtleCrypto) and gives the same messages, opening the hints
/// after a wrong answer. Without JavaScript (or without SubtleCrypto) the form stays hidden and the
/// card's command is the way to check. It mirrors `StudentAnswer` and `SealedAnswer` of
/// ConvBookCore; `InPageCheckTests` runs both on the same answers.
public enum ExerciseCheckScript {
  public static let fileName = "convbook-check.js"

  public static let source = #"""
    (function () {
      "use strict";
      if (window.convbookCheck) return;
      window.convbookCheck = true;
      if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) return;

      async function sha(text) {
        var bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
        return Array.from(new Uint8Array(bytes)).map(function (b) {
          return b.toString(16).padStart(2, "0");
        }).join("").slice(0, 16);
      }
      function hash(salt, path, canonical) {
        return sha("convbook1\n" + salt + "\n" + path + "\n" + canonical);
      }

      // --- Reading an answer: literals only (StudentAnswer) ---
      function intText(sign, digits) {
        digits = digits.replace(/^0+(?=\d)/, "");
        return (sign === "-" && digits !== "0" ? "-" : "") + digits;
      }
      function groupedNumber(text) {
        var seps = [",", " "];
        for (var i = 0; i < seps.length; i++) {
          var parts = text.split(".");
          if (parts.length > 2) parts = [parts[0], parts.slice(1).join(".")];
          var whole = parts[0], sign = "";
          if (whole[0] === "-" || whole[0] === "+") { sign = whole[0]; whole = whole.slice(1); }
          var groups = whole.split(seps[i]);
          if (groups.length < 2 || groups[0].length < 1 || groups[0].length > 3) continue;
          if (!groups.slice(1).every(function (g) { return g.length === 3; })) continue;
          if (!groups.every(function (g) { return /^[0-9]+$/.test(g); })) continue;
          if (parts.length === 2) {
            if (!/^[0-9]*$/.test(parts[1])) continue;
            var f = Number((sign === "-" ? "-" : "") + groups.join("") + "." + parts[1]);
            if (isNaN(f)) continue;
            return { t: "float", v: f };
          }
          return { t: "int", v: intText(sign, groups.join("")) };
        }
        return null;
      }
      function number(word) {
        var m = /^([+-]?)(.*)$/.exec(word), sign = m[1], body = m[2];
        if (!/^[0-9.]/.test(body)) return null;
        if (/(^|[^0-9])_|_($|[^0-9])/.test(body)) return null;
        var plain = body.replace(/_/g, "");
        if (!/^[0-9.eE+-]+$/.test(plain)) return null;
        if (/^[0-9]+$/.test(plain)) return { t: "int", v: intText(sign, plain) };
        if (!/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(plain)) return null;
        var f = Number(plain);
        if (!isFinite(f)) return null;
        return { t: "float", v: sign === "-" ? -f : f };
      }
      function literal(text) {
        var pos = 0;
        function blanks() { while (pos < text.length && /\s/.test(text[pos])) pos++; }
        function eat(c) { if (text[pos] === c) { pos++; return true; } return false; }
        function value() {
          blanks();
          if (pos >= text.length) return null;
          var c = text[pos];
          if (c === "(" || c === "[") {
            var close = c === "(" ? ")" : "]", items = [], comma = false;
            pos++;
            for (;;) {
              blanks();
              if (eat(close)) break;
              var item = value();
              if (!item) return null;
              items.push(item);
              blanks();
              if (eat(",")) { comma = true; continue; }
              if (!eat(close)) return null;
              break;
            }
            if (close === "]") return { t: "seq", v: items };
            return items.length === 1 && !comma ? items[0] : { t: "seq", v: items };
          }
          if (c === "'" || c === '"') {
            var end = text.indexOf(c, pos + 1);
            if (end < 0) return null;
            var s = text.slice(pos + 1, end);
            pos = end + 1;
            return { t: "str", v: s };
          }
          var word = "";
          while (pos < text.length && ",()[] \t\n".indexOf(text[pos]) < 0) word += text[pos++];
          if (word === "None") return { t: "none" };
          if (word === "True") return { t: "bool", v: true };
          if (word === "False") return { t: "bool", v: false };
          return number(word);
        }
        var items = [], trailing = false;
        do {
          blanks();
          if (pos === text.length && items.length) { trailing = true; break; }
          var item = value();
          if (!item) return null;
          items.push(item);
          blanks();
        } while (eat(","));
        if (pos !== text.length) return null;
        return items.length === 1 && !trailing ? items[0] : { t: "seq", v: items };
      }
      function readAnswer(typed) {
        var text = typed.trim();
        if (!text) return { t: "str", v: "" };
        var n = groupedNumber(text);
        if (n) return n;
        var l = literal(text);
        if (l) return l;
        var quotes = ['"', "'", "`"];
        for (var i = 0; i < quotes.length; i++) {
          var q = quotes[i];
          if (text.length >= 2 && text[0] === q && text[text.length - 1] === q) return { t: "str", v: text.slice(1, -1) };
        }
        return { t: "str", v: text };
      }

      // --- The sealed key (SealedAnswer's text form) ---
      function parseKey(text) {
        var pos = 0;
        function key() {
          if (text[pos] === "(") {
            pos++;
            var items = [];
            if (text[pos] === ")") { pos++; return { k: "seq", items: items }; }
            for (;;) {
              var item = key();
              if (!item) return null;
              items.push(item);
              if (text[pos] === ",") { pos++; continue; }
              if (text[pos] !== ")") return null;
              pos++;
              return { k: "seq", items: items };
            }
          }
          var word = "";
          while (pos < text.length && ",()".indexOf(text[pos]) < 0) word += text[pos++];
          var p = word.split(":");
          if (p[0] === "none") return { k: "none" };
          if (p[0] === "int") return { k: "int", h: p[1] };
          if (p[0] === "bool") return { k: "bool", h: p[1] };
          if (p[0] === "text") return { k: "text", h: p[1], l: p[2] };
          if (p[0] === "grid") return { k: "grid", n: parseInt(p[1], 10), points: p[2].split("+") };
          return null;  // exact floats: the command line checks those
        }
        var k = key();
        return k && pos === text.length ? k : null;
      }
      function isShape(items) { return items.every(function (i) { return i.k === "int" || i.k === "none"; }); }
      function kindName(v) {
        if (v.t === "int" || v.t === "float") return "a number";
        if (v.t === "seq") return v.v.every(function (i) { return i.t === "int" || i.t === "none"; }) ? "a shape" : "a tuple";
        if (v.t === "str") return "text";
        if (v.t === "bool") return "True or False";
        return "None";
      }
      function mismatch(key, given) {
        if (key.k === "int" || key.k === "grid") return "This exercise asks for a number; write it with digits, e.g. 1234, 1,234 or 1_234.";
        if (key.k === "seq") return isShape(key.items) ? "This exercise asks for a shape, written as a Python tuple in quotes, e.g. '(None, 28, 28, 1)'." : "This exercise asks for a tuple, e.g. '(1, 2)'.";
        if (key.k === "text") return "This exercise asks for a name or other text, not " + kindName(given) + ".";
        if (key.k === "bool") return "This exercise asks for True or False.";
        return "This exercise asks for None, not " + kindName(given) + ".";
      }
      function str(v) {
        if (v.t === "int") return v.v;
        if (v.t === "bool") return v.v ? "True" : "False";
        if (v.t === "none") return "None";
        return null;
      }
      function scaled(x, n) {
        var power = Number("1e" + Math.abs(n)), r = n >= 0 ? x / power : x * power;
        return isFinite(r) && Math.abs(r) <= 9007199254740992 ? r : null;
      }
      function ordinal(n) {
        var s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" })[n % 10] || "th";
        return n + s;
      }
      async function compare(key, given, salt, path) {
        var h = function (c) { return hash(salt, path, c); };
        var ok = { correct: true }, wrong = { correct: false, reason: null };
        if (key.k === "int") {
          if (given.t === "int") return (await h(given.v)) === key.h ? ok : wrong;
          if (given.t === "float") {
            if (given.v !== Math.round(given.v)) return { correct: false, reason: "The answer is a whole number." };
            if (!Number.isSafeInteger(given.v)) return wrong;
            return (await h(String(given.v))) === key.h ? ok : wrong;
          }
          return { correct: false, reason: mismatch(key, given) };
        }
        if (key.k === "grid") {
          if (given.t !== "int" && given.t !== "float") return { correct: false, reason: mismatch(key, given) };
          var x = scaled(Number(given.v), key.n);
          if (x === null) return wrong;
          var point = Math.floor(x + 0.5);
          return key.points.indexOf(await h(String(point))) >= 0 ? ok : wrong;
        }
        if (key.k === "text") {
          if (given.t !== "str") {
            var s = str(given);
            if (s !== null && (await h(s)) === key.h) return ok;
            return { correct: false, reason: mismatch(key, given) };
          }
          var t = given.v.split(/\s+/).filter(Boolean).join(" ");
          if ((await h(t)) === key.h) return ok;
          if (key.l && (await h(t.toLowerCase())) === key.l) return { correct: false, reason: "Almost: names are case-sensitive in Keras; check the capital letters." };
          return wrong;
        }
        if (key.k === "bool") {
          var truth = given.t === "bool" ? given.v : given.t === "str" ? ({ yes: true, no: false })[given.v.toLowerCase()] : undefined;
          if (truth === undefined) return { correct: false, reason: mismatch(key, given) };
          return (await h(truth ? "True" : "False")) === key.h ? ok : wrong;
        }
        if (key.k === "none") return given.t === "none" ? ok : wrong;
        if (given.t !== "seq") return { correct: false, reason: mismatch(key, given) };
        var items = key.items, g = given.v, shape = isShape(items);
        if (g.length !== items.length) {
          var givenShape = g.every(function (i) { return i.t === "int" || i.t === "none"; });
          if (shape && givenShape && g.length + 1 === items.length && items[0].k === "none" && !(g.length && g[0].t === "none"))
            return { correct: false, reason: "Keras shapes start with the batch dimension, None: write (None, …) followed by the other dimensions." };
          var noun = shape ? "dimension" : "item";
          return { correct: false, reason: "Your answer has " + g.length + " " + noun + (g.length === 1 ? "" : "s") + ", but the answer has " + items.length + "." };
        }
        var bad = [];
        for (var i = 0; i < items.length; i++) {
          if (!(await compare(items[i], g[i], salt, path + "." + i)).correct) bad.push(ordinal(i + 1));
        }
        if (!bad.length) return ok;
        if (!shape) return wrong;
        var list = bad.length === 1 ? bad[0] : bad.slice(0, -1).join(", ") + " and " + bad[bad.length - 1];
        return { correct: false, reason: "The " + list + " dimension" + (bad.length === 1 ? " is" : "s are") + " not right (the batch dimension, None, is the 1st)." };
      }
      window.convbookCompare = async function (sealed, typed) {
        var words = sealed.split(" ");
        var key = parseKey(words.slice(2).join(""));
        return key ? compare(key, readAnswer(typed), words[1], "0") : null;
      };

      function setUp(form) {
        var sealed = form.getAttribute("data-sealed");
        if (!sealed || !parseKey(sealed.split(" ").slice(2).join(""))) return;
        form.hidden = false;
        var input = form.querySelector("input"), status = form.querySelector(".exercise-try-result");
        form.addEventListener("submit", async function (event) {
          event.preventDefault();
          var verdict = await window.convbookCompare(sealed, input.value);
          if (!verdict) return;
          status.textContent = verdict.correct ? "✓ Right. Well done!" : "✗ Not quite." + (verdict.reason ? " " + verdict.reason : "");
          status.className = "exercise-try-result " + (verdict.correct ? "right" : "wrong");
          var hints = form.closest(".exercise").querySelector(".exercise-hint");
          if (hints && !verdict.correct) hints.open = true;
        });
      }
      function start() { document.querySelectorAll("form.exercise-try").forEach(setUp); }
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
      else start();
    })();
    """#
}
