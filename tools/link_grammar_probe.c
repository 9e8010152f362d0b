/* Evaluation probe for issue 12 (not part of the build): how many prompts of a JSONL corpus the
   CMU link grammar parser (Debian liblink-grammar-dev, link-grammar-dictionaries-en) links
   completely, with no null links, and the time per parse. Build and run:
     gcc -O2 tools/link_grammar_probe.c -o /tmp/lgprobe -llink-grammar && /tmp/lgprobe CORPUS.jsonl
   It reads the "prompt" field with a naive scan and splits sentences on . ; ! ? */
#include <link-grammar/link-includes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
int main(int argc, char** argv) {
  Dictionary dict = dictionary_create_lang("en");
  Parse_Options opts = parse_options_create();
  parse_options_set_verbosity(opts, 0);
  parse_options_set_max_parse_time(opts, 10);
  parse_options_set_linkage_limit(opts, 100);
  parse_options_set_min_null_count(opts, 0);
  parse_options_set_max_null_count(opts, 0);
  char line[20000];
  int total = 0, full = 0, sentences = 0, sentences_full = 0;
  double time_total = 0, worst = 0;
  FILE* f = fopen(argv[1], "r");
  while (fgets(line, sizeof line, f)) {
    char* p = strstr(line, "\"prompt\"");
    if (!p) continue;
    p = strchr(p + 8, '"'); if (!p) continue; ++p;
    char* e = p; while (*e && !(*e == '"' && e[-1] != '\\')) ++e; *e = 0;
    ++total;
    /* split into sentences on . ; ! ? */
    int all = 1;
    char* s = p;
    while (*s) {
      char* t = s; while (*t && !strchr(".;!?", *t)) ++t;
      char save = *t; *t = 0;
      int empty = 1; for (char* q = s; *q; ++q) if (*q != ' ') empty = 0;
      if (!empty) {
        ++sentences;
        double t0 = now();
        Sentence sent = sentence_create(s, dict);
        int n = sentence_parse(sent, opts);
        double dt = now() - t0; time_total += dt; if (dt > worst) worst = dt;
        if (n > 0) ++sentences_full; else all = 0;
        sentence_delete(sent);
      }
      *t = save; s = save ? t + 1 : t;
    }
    full += all;
  }
  printf("%s: %d prompts, %d fully linked (%.0f %%); %d sentences, %d fully linked (%.0f %%); %.1f ms per sentence (worst %.0f ms)\n",
         argv[1], total, full, 100.0 * full / total, sentences, sentences_full, 100.0 * sentences_full / sentences,
         1000 * time_total / sentences, 1000 * worst);
  return 0;
}
