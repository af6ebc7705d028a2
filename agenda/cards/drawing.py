"""Share cards drawn with Pillow: 1200×630 PNG (the size Open Graph and Twitter's large cards show), in the
site's colours (static/css/site.css): the summit's blue with a faint network, as static/img/share-card.png,
and a white band with the facts.
"""

import io
import random
import unicodedata

from PIL import Image, ImageDraw

from agenda.cards.fonts import font

WIDTH, HEIGHT = 1200, 630
MARGIN = 72

BLUE = "#0b3d91"  # --wic-blue
BLUE_LIGHT = "#0f5fb8"  # the edition hero's gradient
ACCENT = "#00a3e0"  # --wic-accent
INK = "#1b2430"  # --wic-ink
MUTED = "#3b4656"  # the footer's text
KICKER = "#bcd4ff"  # .hero-kicker
LEAD = "#e8efff"  # .edition-hero .lead
DANGER = "#b42318"

ELLIPSIS = "…"
# Characters that must not begin a line (Chinese punctuation that closes) or end one (that opens).
NO_LINE_START = set("，。、：；！？）》」』】〉”’%,.:;!?)]}…·")
NO_LINE_END = set("（《「『【〈“‘([{")


def _background():
    """The blue of the edition's hero (darker at the top left) with a faint network in the top right corner,
    above the title, fading out towards the text."""
    mask = Image.linear_gradient("L").rotate(45, expand=True).crop((91, 91, 271, 271)).resize((WIDTH, HEIGHT))
    image = Image.composite(
        Image.new("RGB", (WIDTH, HEIGHT), BLUE_LIGHT), Image.new("RGB", (WIDTH, HEIGHT), BLUE), mask
    )
    overlay = Image.new("RGBA", (WIDTH, HEIGHT), (255, 255, 255, 0))
    draw = ImageDraw.Draw(overlay)
    rng = random.Random(2014)  # the same network on every card: the first Wuzhen Summit's year
    nodes = [(rng.randint(700, 1170), rng.randint(24, 230)) for _ in range(14)]
    for index, (x, y) in enumerate(nodes):
        for other in sorted(nodes, key=lambda node: (node[0] - x) ** 2 + (node[1] - y) ** 2)[1 : 3 + index % 2]:
            draw.line([(x, y), other], fill=(255, 255, 255, 70), width=2)
    for x, y in nodes:
        radius = rng.choice((4, 5, 7))
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(255, 255, 255, 130))
    fade = Image.linear_gradient("L").rotate(90).resize((WIDTH, HEIGHT))  # black on the left, white on the right
    fade = fade.point(lambda value: max(0, min(255, (value - 128) * 3)))  # nothing left of the middle
    alpha = Image.composite(overlay.getchannel("A"), Image.new("L", (WIDTH, HEIGHT), 0), fade)
    overlay.putalpha(alpha)
    image.paste(overlay, (0, 0), overlay)
    return image


def _breaks_anywhere(character):
    """Chinese (and other wide) characters: a line may break before any of them."""
    return unicodedata.east_asian_width(character) in ("W", "F")


def _tokens(text):
    """The pieces a line may break between: words with their following space, or single wide characters;
    punctuation that closes stays with what precedes it, punctuation that opens with what follows it."""
    tokens, word = [], ""
    for character in text:
        if character in NO_LINE_START and (word or tokens):
            if word:
                word += character
            else:
                tokens[-1] += character
        elif character == " ":
            if word:
                tokens.append(word + " ")
                word = ""
            elif tokens and not tokens[-1].endswith(" "):
                tokens[-1] += " "
        elif _breaks_anywhere(character):
            if word and word[-1] not in NO_LINE_END:
                tokens.append(word)
                word = ""
            word += character
            if character not in NO_LINE_END:
                tokens.append(word)
                word = ""
        else:
            word += character
    if word:
        tokens.append(word)
    return tokens


def fit(text, face, width):
    """The text as it fits on one line `width` wide: cut with an ellipsis if it is too long."""
    if face.getlength(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest start that fits with the ellipsis
        middle = (low + high + 1) // 2
        if face.getlength(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


def wrap(text, face, width, max_lines):
    """The text in lines at most `width` wide, at most `max_lines` of them (the last cut with an ellipsis).
    Returns (lines, whether all of the text fits)."""
    lines, line = [], ""
    tokens = _tokens(text)
    for token in tokens:
        candidate = line + token
        if not line or face.getlength(candidate.rstrip()) <= width:
            line = candidate
            continue
        lines.append(line.rstrip())
        line = token
        if len(lines) == max_lines:
            # More text follows: the last line ends with an ellipsis (after its last whole word if it fits).
            lines[-1] = fit(lines[-1].rstrip(",;:，、；：") + ELLIPSIS, face, width)
            return lines, False
    if line:
        lines.append(line.rstrip())
    # A word longer than a line (an address, a run of letters) is cut, not left overflowing.
    cut = [fit(line, face, width) for line in lines]
    return cut, cut == lines


def _pill(draw, xy, text, *, size, fill, colour):
    face = font("bold", size)
    x, y = xy
    left, top, right, bottom = draw.textbbox((0, 0), text, font=face, anchor="ls")
    padding_x, height = size * 0.7, size * 1.7
    box = [x, y, x + (right - left) + 2 * padding_x, y + height]
    draw.rounded_rectangle(box, radius=height / 2, fill=fill)
    draw.text((x + padding_x, y + height / 2), text, font=face, fill=colour, anchor="lm")
    return box[2]


def _header(draw, summit, edition, accent):
    """The summit's name (and the edition's, if given) at the top left, over a short bar of the accent colour."""
    width = WIDTH - 2 * MARGIN
    draw.text((MARGIN, 52), fit(summit, font("bold", 28), width), font=font("bold", 28), fill="white", anchor="la")
    if edition:
        draw.text(
            (MARGIN, 94), fit(edition, font("regular", 24), width), font=font("regular", 24), fill=KICKER, anchor="la"
        )
    bar = 140 if edition else 102
    draw.rectangle([MARGIN, bar, MARGIN + 96, bar + 5], fill=accent)


def _png(image):
    output = io.BytesIO()
    image.save(output, "PNG", optimize=True)
    return output.getvalue()


def draw_session_card(card):
    image = _background()
    draw = ImageDraw.Draw(image, "RGBA")
    accent = card.accent or ACCENT
    _header(draw, card.summit, card.edition, accent)
    right = _pill(draw, (MARGIN, 168), card.kind, size=20, fill=(255, 255, 255, 40), colour="white")
    if card.cancelled:
        _pill(draw, (right + 12, 168), card.cancelled, size=20, fill=DANGER, colour="white")
    width = WIDTH - 2 * MARGIN
    for size in (60, 52, 46):
        face = font("bold", size)
        lines, complete = wrap(card.title, face, width, 3)
        if complete:
            break
    line_height = round(size * 1.22)
    top = 226 + (3 - len(lines)) * line_height // 2  # fewer lines sit lower, nearer the facts
    for index, line in enumerate(lines):
        draw.text((MARGIN, top + index * line_height), line, font=face, fill="white", anchor="la")

    band = 462
    draw.rectangle([0, band, WIDTH, HEIGHT], fill="white")
    draw.rectangle([0, band, 14, HEIGHT], fill=accent)
    day = f"{card.day} · {card.time}"
    facts = [(day, font("bold", 28), INK), (card.place, font("regular", 26), MUTED)]
    if card.speakers:
        facts.append((card.speakers, font("regular", 26), MUTED))
    step = 48 if len(facts) == 3 else 56
    y = band + (HEIGHT - band - step * (len(facts) - 1) - 30) // 2
    for text, face, colour in facts:
        draw.text((MARGIN, y), fit(text, face, width), font=face, fill=colour, anchor="la")
        y += step
    return _png(image)


def _avatar(diameter, colour, letters):
    """The initials avatar of the pages (includes/_face.html), drawn four times larger and scaled down for
    smooth edges."""
    scale = 4
    mask = Image.new("L", (diameter * scale, diameter * scale), 0)
    ImageDraw.Draw(mask).ellipse([0, 0, diameter * scale - 1, diameter * scale - 1], fill=255)
    mask = mask.resize((diameter, diameter), Image.Resampling.LANCZOS)
    disc = Image.new("RGB", (diameter, diameter), colour)
    draw = ImageDraw.Draw(disc)
    size = round(diameter * (0.36 if len(letters) > 1 else 0.44))
    draw.text((diameter / 2, diameter / 2), letters, font=font("bold", size), fill="white", anchor="mm")
    return disc, mask


def draw_speaker_card(card):
    image = _background()
    draw = ImageDraw.Draw(image, "RGBA")
    _header(draw, card.summit, "", ACCENT)

    diameter = 250
    ring = 8
    ring_mask = Image.new("L", (diameter + 2 * ring, diameter + 2 * ring), 0)
    ImageDraw.Draw(ring_mask).ellipse([0, 0, *(n - 1 for n in ring_mask.size)], fill=110)
    image.paste("white", (MARGIN - ring, 188 - ring), ring_mask)
    disc, mask = _avatar(diameter, card.colour, card.initials)
    image.paste(disc, (MARGIN, 188), mask)

    left = MARGIN + diameter + 56
    width = WIDTH - left - MARGIN
    _pill(draw, (left, 180), card.label, size=20, fill=(255, 255, 255, 40), colour="white")
    for size in (64, 54, 46):
        face = font("bold", size)
        lines, complete = wrap(card.name, face, width, 2)
        if complete:
            break
    y = 236
    for line in lines:
        draw.text((left, y), line, font=face, fill="white", anchor="la")
        y += round(size * 1.2)
    if card.position:
        position_face = font("regular", 28)
        for line in wrap(card.position, position_face, width, 2)[0]:
            draw.text((left, y + 8), line, font=position_face, fill=LEAD, anchor="la")
            y += 40

    band = 500
    draw.rectangle([0, band, WIDTH, HEIGHT], fill="white")
    draw.rectangle([0, band, 14, HEIGHT], fill=ACCENT)
    draw.text(
        (MARGIN, band + 26),
        fit(card.edition, font("bold", 28), WIDTH - 2 * MARGIN),
        font=font("bold", 28),
        fill=INK,
        anchor="la",
    )
    draw.text(
        (MARGIN, band + 72),
        fit(card.dates, font("regular", 26), WIDTH - 2 * MARGIN),
        font=font("regular", 26),
        fill=MUTED,
        anchor="la",
    )
    return _png(image)
