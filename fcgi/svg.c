/* svg.c: bar charts, column charts and grid maps as SVG documents (svg.h),
 * written element by element with libxml2's xmlTextWriter into a memory
 * buffer. Geometry is in whole viewBox units: text widths are estimated
 * from character counts (no font metrics on the server), generously, so
 * that labels never run into bars. */
#include "svg.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>

#include "validate.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define FONT_SIZE 14        /* the charts' text, in viewBox units */
#define SMALL_FONT_SIZE 12  /* names inside grid cells */
#define GLYPH_WIDTH 9        /* a generous average width of a character at FONT_SIZE */
#define SMALL_GLYPH_WIDTH 7
#define PAD 10
#define TEXT_BASELINE 5     /* from a row's middle to the baseline of its text */
/* bar charts */
#define ROW_HEIGHT 30
#define BAR_HEIGHT 18
#define BAR_LENGTH 360
#define LABEL_MIN_WIDTH 80
#define AXIS_HEIGHT 24
/* column charts */
#define PLOT_HEIGHT 200
#define COLUMN_WIDTH 36
#define COLUMN_PITCH 64
#define VALUE_ROOM 24       /* above the tallest column, for its value */
#define AXIS_WIDTH 40
#define LABEL_LINES_HEIGHT 40
#define LINE_STEP 16
/* grid maps */
#define CELL_WIDTH 176
#define CELL_HEIGHT 64
#define CELL_GAP 6
#define CELL_RADIUS 4
#define SWATCH 18
#define LEGEND_HEIGHT 40
#define HALO_WIDTH "3"
#define GRID_OPACITY "0.3"

/* Fill opacity of the accent colour at each level of a grid map. */
static const char *const level_opacity[SVG_LEVELS] = { "0", "0.2", "0.4", "0.6" };

/* Palettes by colour scheme; [0] is the site's own (style.css :root). */
static const struct {
	const char *scheme;
	struct svg_palette palette;
} palettes[] = {
	{ NULL, { "#1b2330", "#ffffff", "#1d4f91" } },
	{ "bw", { "#000000", "#ffffff", "#000000" } },
	{ "wb", { "#ffffff", "#000000", "#ffffff" } },
	{ "blue", { "#063462", "#9dd1ff", "#063462" } },
	{ "brown", { "#4d4b43", "#f7f3d6", "#4d4b43" } },
};

/* The palette of a colour scheme; the site's own for anything unknown. */
const struct svg_palette *svg_palette(const char *scheme)
{
	for (size_t i = 1; scheme != NULL && i < sizeof palettes / sizeof palettes[0]; i++)
		if (strcmp(palettes[i].scheme, scheme) == 0)
			return &palettes[i].palette;
	return &palettes[0].palette;
}

/* One document being written; failed sticks once any call failed. */
struct svg {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
	const struct svg_chart *c;
	bool failed;
};

/* Opens element name. */
static void start(struct svg *s, const char *name)
{
	s->failed |= xmlTextWriterStartElement(s->w, BAD_CAST name) < 0;
}

/* Closes the element opened last. */
static void end(struct svg *s)
{
	s->failed |= xmlTextWriterEndElement(s->w) < 0;
}

/* An attribute of the open element; the writer escapes value. */
static void attr(struct svg *s, const char *name, const char *value)
{
	s->failed |= xmlTextWriterWriteAttribute(s->w, BAD_CAST name, BAD_CAST value) < 0;
}

/* A whole-number attribute. */
static void attr_int(struct svg *s, const char *name, long v)
{
	s->failed |= xmlTextWriterWriteFormatAttribute(s->w, BAD_CAST name, "%ld", v) < 0;
}

/* Text content, escaped by the writer; NULL writes nothing. */
static void text(struct svg *s, const char *t)
{
	s->failed |= xmlTextWriterWriteString(s->w, BAD_CAST(t ? t : "")) < 0;
}

/* <text class x y text-anchor fill=currentColor>t</text>; anchor "start",
 * "middle" or "end". */
static void text_at(struct svg *s, const char *cls, long x, long y, const char *anchor, const char *t)
{
	start(s, "text");
	attr(s, "class", cls);
	attr_int(s, "x", x);
	attr_int(s, "y", y);
	attr(s, "text-anchor", anchor);
	attr(s, "fill", "currentColor");
	text(s, t);
	end(s);
}

/* <rect class x y width height fill/>, left open for more attributes. */
static void rect_open(struct svg *s, const char *cls, long x, long y, long w, long h, const char *fill)
{
	start(s, "rect");
	attr(s, "class", cls);
	attr_int(s, "x", x);
	attr_int(s, "y", y);
	attr_int(s, "width", w);
	attr_int(s, "height", h);
	attr(s, "fill", fill);
}

/* A faint grid line. */
static void grid_line(struct svg *s, long x1, long y1, long x2, long y2)
{
	start(s, "line");
	attr(s, "class", "chart-grid");
	attr_int(s, "x1", x1);
	attr_int(s, "y1", y1);
	attr_int(s, "x2", x2);
	attr_int(s, "y2", y2);
	attr(s, "stroke", "currentColor");
	attr(s, "stroke-opacity", GRID_OPACITY);
	end(s);
}

/* The root element with its accessible name, and the paper. */
static bool svg_open(struct svg *s, const struct svg_chart *c, const char *kind, long width, long height)
{
	s->c = c;
	s->failed = false;
	s->buf = xmlBufferCreate();
	s->w = s->buf ? xmlNewTextWriterMemory(s->buf, 0) : NULL;
	if (s->w == NULL) {
		xmlBufferFree(s->buf);
		return false;
	}
	s->failed |= xmlTextWriterStartDocument(s->w, NULL, "UTF-8", NULL) < 0;
	start(s, "svg");
	attr(s, "xmlns", SVG_NS);
	s->failed |= xmlTextWriterWriteFormatAttribute(s->w, BAD_CAST "viewBox", "0 0 %ld %ld", width, height) < 0;
	attr_int(s, "width", width);
	attr_int(s, "height", height);
	attr(s, "role", "img");
	s->failed |= xmlTextWriterWriteFormatAttribute(s->w, BAD_CAST "aria-labelledby", "%s-title %s-desc", c->id,
	                                               c->id) < 0;
	s->failed |= xmlTextWriterWriteFormatAttribute(s->w, BAD_CAST "class", "chart %s", kind) < 0;
	attr(s, "color", c->palette->ink);
	attr(s, "font-family", "sans-serif");
	attr_int(s, "font-size", FONT_SIZE);
	start(s, "title");
	s->failed |= xmlTextWriterWriteFormatAttribute(s->w, BAD_CAST "id", "%s-title", c->id) < 0;
	text(s, c->title);
	end(s);
	start(s, "desc");
	s->failed |= xmlTextWriterWriteFormatAttribute(s->w, BAD_CAST "id", "%s-desc", c->id) < 0;
	text(s, c->desc);
	end(s);
	rect_open(s, "chart-paper", 0, 0, width, height, c->palette->paper);
	end(s);
	return true;
}

/* Ends the document and copies it into mem; NULL when anything failed. */
static char *svg_close(struct svg *s, arena *mem, size_t *len)
{
	s->failed |= xmlTextWriterEndDocument(s->w) < 0;
	xmlFreeTextWriter(s->w); /* flushes into buf */
	char *out = NULL;
	if (!s->failed) {
		*len = (size_t)xmlBufferLength(s->buf);
		out = arena_strndup(mem, (const char *)xmlBufferContent(s->buf), *len);
	}
	xmlBufferFree(s->buf);
	return out;
}

/* Length in viewBox units of value on an axis of full length. */
static long scaled(const struct svg_chart *c, double value, long full)
{
	double span = c->axis_max - c->axis_min;
	double f = span > 0 ? (value - c->axis_min) / span : 0;
	return (long)(f < 0 ? 0 : f > 1 ? full : f * full + 0.5);
}

/* The label of a tick: a whole number and the chart's unit. */
static void tick_label(char *buf, size_t cap, const struct svg_chart *c, double v)
{
	snprintf(buf, cap, "%ld%s", (long)(v + (v < 0 ? -0.5 : 0.5)), c->tick_unit ? c->tick_unit : "");
}

/* Calls draw(s, offset, label) for each tick of the chart's axis. */
static void each_tick(struct svg *s, long full, void (*draw)(struct svg *, long, const char *, void *), void *ctx)
{
	const struct svg_chart *c = s->c;
	if (c->tick_step <= 0)
		return;
	for (double v = c->axis_min; v <= c->axis_max + c->tick_step / 1000; v += c->tick_step) {
		char label[32];
		tick_label(label, sizeof label, c, v);
		draw(s, scaled(c, v, full), label, ctx);
	}
}

/* The widest text of field (label or value_text) among rows, in characters. */
static long widest(const struct svg_bar *rows, size_t n, bool values)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		const char *t = values ? rows[i].value_text : rows[i].label;
		size_t len = t ? utf8_length(t) : 0;
		w = len > w ? len : w;
	}
	return (long)w;
}

/* ---- horizontal bars ----------------------------------------------------- */

struct bar_layout {
	long label_w, top, rows_h;
};

/* A vertical grid line across the rows and its label under them. */
static void bar_tick(struct svg *s, long offset, const char *label, void *ctx)
{
	const struct bar_layout *l = ctx;
	grid_line(s, l->label_w + offset, l->top, l->label_w + offset, l->top + l->rows_h);
	text_at(s, "chart-tick", l->label_w + offset, l->top + l->rows_h + LINE_STEP, "middle", label);
}

/* Row i: <g class="bar"> with its label, its bar and its value. */
static void bar_row(struct svg *s, const struct bar_layout *l, const struct svg_bar *b, size_t i)
{
	long y0 = l->top + (long)i * ROW_HEIGHT, mid = y0 + ROW_HEIGHT / 2;
	long length = b->has_value ? scaled(s->c, b->value, BAR_LENGTH) : 0;
	start(s, "g");
	attr(s, "class", "bar");
	text_at(s, "bar-label", l->label_w - PAD, mid + TEXT_BASELINE, "end", b->label);
	if (b->has_value) {
		rect_open(s, "bar-fill", l->label_w, mid - BAR_HEIGHT / 2, length, BAR_HEIGHT, s->c->palette->accent);
		end(s);
	}
	text_at(s, b->has_value ? "bar-value" : "bar-value bar-none", l->label_w + length + PAD / 2,
	        mid + TEXT_BASELINE, "start", b->value_text);
	end(s);
}

/* Labels right-aligned in a column as wide as the longest, then the bars,
 * then the values. */
char *svg_bar_chart(arena *mem, const struct svg_chart *c, const struct svg_bar *bars, size_t n, size_t *len)
{
	struct bar_layout l = { PAD + widest(bars, n, false) * GLYPH_WIDTH, PAD, (long)n * ROW_HEIGHT };
	if (l.label_w < LABEL_MIN_WIDTH)
		l.label_w = LABEL_MIN_WIDTH;
	long width = l.label_w + BAR_LENGTH + PAD + widest(bars, n, true) * GLYPH_WIDTH + PAD;
	struct svg s;
	if (!svg_open(&s, c, "chart-bars", width, l.top + l.rows_h + AXIS_HEIGHT))
		return NULL;
	each_tick(&s, BAR_LENGTH, bar_tick, &l);
	for (size_t i = 0; i < n; i++)
		bar_row(&s, &l, &bars[i], i);
	return svg_close(&s, mem, len);
}

/* ---- columns --------------------------------------------------------------- */

/* A horizontal grid line across the plot and its label left of it. */
static void column_tick(struct svg *s, long offset, const char *label, void *ctx)
{
	long width = *(const long *)ctx, y = VALUE_ROOM + PLOT_HEIGHT - offset;
	grid_line(s, AXIS_WIDTH, y, width - PAD, y);
	text_at(s, "chart-tick", AXIS_WIDTH - PAD / 2, y + TEXT_BASELINE, "end", label);
}

/* A column's label under the baseline: its first word, the rest below. */
static void column_label(struct svg *s, long x, const char *label)
{
	const char *space = strchr(label, ' ');
	long y = VALUE_ROOM + PLOT_HEIGHT + LINE_STEP;
	if (space == NULL) {
		text_at(s, "column-label", x, y, "middle", label);
		return;
	}
	start(s, "text");
	attr(s, "class", "column-label");
	attr(s, "text-anchor", "middle");
	attr(s, "fill", "currentColor");
	start(s, "tspan");
	attr_int(s, "x", x);
	attr_int(s, "y", y);
	s->failed |= xmlTextWriterWriteFormatString(s->w, "%.*s", (int)(space - label), label) < 0;
	end(s);
	start(s, "tspan");
	attr_int(s, "x", x);
	attr_int(s, "y", y + LINE_STEP);
	text(s, space + 1);
	end(s);
	end(s);
}

/* Column i: <g class="bar"> with its column, value and label. */
static void column(struct svg *s, const struct svg_bar *b, size_t i)
{
	long centre = AXIS_WIDTH + (long)i * COLUMN_PITCH + COLUMN_PITCH / 2;
	long h = b->has_value ? scaled(s->c, b->value, PLOT_HEIGHT) : 0, base = VALUE_ROOM + PLOT_HEIGHT;
	start(s, "g");
	attr(s, "class", "bar");
	if (b->has_value) {
		rect_open(s, "bar-fill", centre - COLUMN_WIDTH / 2, base - h, COLUMN_WIDTH, h, s->c->palette->accent);
		end(s);
	}
	text_at(s, b->has_value ? "bar-value" : "bar-value bar-none", centre, base - h - PAD / 2, "middle",
	        b->value_text);
	column_label(s, centre, b->label);
	end(s);
}

/* Tick labels on the left, then one column pitch per row. */
char *svg_column_chart(arena *mem, const struct svg_chart *c, const struct svg_bar *cols, size_t n, size_t *len)
{
	long width = AXIS_WIDTH + (long)n * COLUMN_PITCH + PAD;
	struct svg s;
	if (!svg_open(&s, c, "chart-columns", width, VALUE_ROOM + PLOT_HEIGHT + LABEL_LINES_HEIGHT))
		return NULL;
	each_tick(&s, PLOT_HEIGHT, column_tick, &width);
	for (size_t i = 0; i < n; i++)
		column(&s, &cols[i], i);
	return svg_close(&s, mem, len);
}

/* ---- grid maps ---------------------------------------------------------------- */

/* Text that stays legible on any shade: a halo of paper colour under it;
 * size 0 keeps the chart's font size. */
static void halo_text(struct svg *s, const char *cls, long x, long y, long size, const char *t, long length)
{
	start(s, "text");
	attr(s, "class", cls);
	attr_int(s, "x", x);
	attr_int(s, "y", y);
	if (size > 0)
		attr_int(s, "font-size", size);
	attr(s, "fill", "currentColor");
	attr(s, "stroke", s->c->palette->paper);
	attr(s, "stroke-width", HALO_WIDTH);
	attr(s, "stroke-linejoin", "round");
	attr(s, "paint-order", "stroke");
	s->failed |= xmlTextWriterWriteFormatString(s->w, "%.*s", (int)length, t) < 0;
	end(s);
}

/* Byte offset of the last space within the first max_chars characters of
 * s, or 0 when s fits or has no such space. */
static size_t wrap_point(const char *s, size_t max_chars)
{
	size_t chars = 0, space = 0, i = 0;
	for (; s[i] && chars <= max_chars; i++) {
		if ((s[i] & 0xC0) == 0x80)
			continue;
		if (s[i] == ' ')
			space = i;
		chars++;
	}
	return s[i] == '\0' && chars <= max_chars ? 0 : space;
}

/* One cell: its frame shaded by level, its name (two lines at most), its value. */
static void grid_cell(struct svg *s, const struct svg_cell *cell)
{
	int level = cell->level < 0 ? 0 : cell->level >= SVG_LEVELS ? SVG_LEVELS - 1 : cell->level;
	long x = PAD + cell->col * (CELL_WIDTH + CELL_GAP), y = PAD + cell->row * (CELL_HEIGHT + CELL_GAP);
	start(s, "g");
	s->failed |= xmlTextWriterWriteFormatAttribute(s->w, BAD_CAST "class", "cell level-%d", level) < 0;
	rect_open(s, "cell-frame", x, y, CELL_WIDTH, CELL_HEIGHT, s->c->palette->accent);
	attr(s, "fill-opacity", level_opacity[level]);
	attr(s, "stroke", "currentColor");
	attr_int(s, "rx", CELL_RADIUS);
	if (level == 0)
		attr(s, "stroke-dasharray", "5 4");
	end(s);
	size_t cut = wrap_point(cell->label, (CELL_WIDTH - 2 * PAD) / SMALL_GLYPH_WIDTH);
	size_t first = cut ? cut : strlen(cell->label);
	halo_text(s, "cell-label", x + PAD / 2, y + LINE_STEP, SMALL_FONT_SIZE, cell->label, (long)first);
	if (cut)
		halo_text(s, "cell-label", x + PAD / 2, y + 2 * LINE_STEP, SMALL_FONT_SIZE, cell->label + cut + 1,
		          (long)strlen(cell->label + cut + 1));
	halo_text(s, "cell-value", x + PAD / 2, y + CELL_HEIGHT - PAD, 0, cell->value_text,
	          (long)strlen(cell->value_text));
	end(s);
}

/* Width of one legend item: its swatch, its words and the space after them. */
static long legend_item_width(const char *words)
{
	return SWATCH + PAD + (long)utf8_length(words) * GLYPH_WIDTH + 2 * PAD;
}

/* The legend: one swatch and its words per level, in a row. */
static void grid_legend(struct svg *s, long y, const char *const level_text[SVG_LEVELS])
{
	long x = PAD;
	start(s, "g");
	attr(s, "class", "legend");
	for (int k = 0; k < SVG_LEVELS; k++) {
		rect_open(s, "legend-swatch", x, y, SWATCH, SWATCH, s->c->palette->accent);
		attr(s, "fill-opacity", level_opacity[k]);
		attr(s, "stroke", "currentColor");
		if (k == 0)
			attr(s, "stroke-dasharray", "4 3");
		end(s);
		text_at(s, "legend-text", x + SWATCH + PAD / 2, y + SWATCH - TEXT_BASELINE + 1, "start", level_text[k]);
		x += legend_item_width(level_text[k]);
	}
	end(s);
}

/* Width of the legend row. */
static long legend_width(const char *const level_text[SVG_LEVELS])
{
	long w = PAD;
	for (int k = 0; k < SVG_LEVELS; k++)
		w += legend_item_width(level_text[k]);
	return w;
}

/* As many rows and columns as the cells use, the legend under them. */
char *svg_grid_map(arena *mem, const struct svg_chart *c, const struct svg_cell *cells, size_t n,
                   const char *const level_text[SVG_LEVELS], size_t *len)
{
	long rows = 0, cols = 0;
	for (size_t i = 0; i < n; i++) {
		rows = cells[i].row + 1 > rows ? cells[i].row + 1 : rows;
		cols = cells[i].col + 1 > cols ? cells[i].col + 1 : cols;
	}
	long grid_w = 2 * PAD + cols * (CELL_WIDTH + CELL_GAP), grid_h = PAD + rows * (CELL_HEIGHT + CELL_GAP);
	long lw = legend_width(level_text);
	struct svg s;
	if (!svg_open(&s, c, "chart-map", grid_w > lw ? grid_w : lw, grid_h + LEGEND_HEIGHT))
		return NULL;
	for (size_t i = 0; i < n; i++)
		grid_cell(&s, &cells[i]);
	grid_legend(&s, grid_h + PAD / 2, level_text);
	return svg_close(&s, mem, len);
}
