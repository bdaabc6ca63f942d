/* svg.h: charts as standalone SVG documents (image/svg+xml), written with
 * libxml2's xmlTextWriter so that every label is escaped by the writer and
 * the result is always well-formed XML. Pages refer to a chart with <img>
 * and show the same rows in a <table> beside it; the chart itself carries
 * role="img", a <title> and a <desc> named by aria-labelledby.
 *
 * Three kinds, each one element <g class="bar"> (or "cell") per data row, in
 * the order given, so a chart and its table can be compared row by row:
 *   svg_bar_chart     horizontal bars: label, bar, value (a comparison);
 *   svg_column_chart  columns over a baseline, labels under them (a trend);
 *   svg_grid_map      cells placed by row and column, shaded by level (a map).
 * A row without a value keeps its group and label but draws no bar.
 *
 * Colours come from a palette: the site's, or one of the colour schemes of
 * the version for the visually impaired (an <img> does not see the page's
 * CSS). Text is painted with currentColor under the root's color; every
 * element also has a class, for when a chart is styled by a stylesheet. */
#ifndef RCHUB_SVG_H
#define RCHUB_SVG_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

#define CT_SVG "image/svg+xml; charset=utf-8"
#define SVG_LEVELS 4 /* shades of a grid map: level 0 (none) .. SVG_LEVELS - 1 (most) */

struct svg_palette {
	const char *ink;    /* text, axes, outlines */
	const char *paper;  /* the background */
	const char *accent; /* bars and shaded cells */
};

/* The palette of a colour scheme of the version for the visually impaired
 * ("bw", "wb", "blue", "brown"); the site's own for NULL or anything else. */
const struct svg_palette *svg_palette(const char *scheme);

struct svg_chart {
	const char *id;    /* prefix of the ids "<id>-title" and "<id>-desc" */
	const char *title; /* <title>: what the chart is */
	const char *desc;  /* <desc>: what it shows and where its table is */
	const struct svg_palette *palette;
	double axis_min, axis_max; /* values at the start and at the full length of a bar */
	double tick_step;          /* a grid line every tick_step from axis_min; 0 = none */
	const char *tick_unit;     /* appended to tick labels, e.g. " %"; NULL = none */
};

struct svg_bar {
	const char *label;      /* the row's name, as in the table */
	const char *value_text; /* written beside the bar (or alone, without a value) */
	double value;
	bool has_value;         /* false: no bar for this row */
};

struct svg_cell {
	const char *label;      /* the cell's name, wrapped over two lines when long */
	const char *value_text; /* written under the name */
	int row, col;           /* position in the grid, from 0 */
	int level;              /* 0 .. SVG_LEVELS - 1; 0 is drawn dashed and unshaded */
};

/* Each returns the document (NUL-terminated, *len bytes, in mem), or NULL
 * when the writer failed. */
char *svg_bar_chart(arena *mem, const struct svg_chart *c, const struct svg_bar *bars, size_t n, size_t *len);
char *svg_column_chart(arena *mem, const struct svg_chart *c, const struct svg_bar *cols, size_t n, size_t *len);
/* level_text[k]: the legend's words for level k. */
char *svg_grid_map(arena *mem, const struct svg_chart *c, const struct svg_cell *cells, size_t n,
                   const char *const level_text[SVG_LEVELS], size_t *len);

#endif
