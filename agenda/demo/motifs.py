"""Icon-like motifs for the sample pictures, one per exhibit category, drawn with Pillow's primitives.

Each motif is drawn in white (with the given opacity) around a centre `(x, y)` and within a radius `r`, so a
picture can place it large or small, left or right. `MOTIF_NAMES` says what each shows, for alt texts.
"""

import math

from agenda.enums import ExhibitCategory


def _width(r, share=0.06):
    return max(2, round(r * share))


def neural_network(draw, x, y, r, fill):
    layers = [3, 4, 4, 2]
    points = []
    for column, count in enumerate(layers):
        px = x - r + column * (2 * r / (len(layers) - 1))
        points.append([(px, y - r * 0.75 + (row + 0.5) * (1.5 * r / count)) for row in range(count)])
    for left, right in zip(points, points[1:], strict=False):
        for a in left:
            for b in right:
                draw.line((a, b), fill=fill[:3] + (fill[3] // 2,), width=_width(r, 0.025))
    dot = r * 0.1
    for column in points:
        for px, py in column:
            draw.ellipse((px - dot, py - dot, px + dot, py + dot), fill=fill)


def robot(draw, x, y, r, fill):
    head = (x - r * 0.7, y - r * 0.45, x + r * 0.7, y + r * 0.6)
    draw.rounded_rectangle(head, radius=r * 0.2, outline=fill, width=_width(r))
    for side in (-1, 1):
        ex = x + side * r * 0.32
        draw.ellipse((ex - r * 0.14, y - r * 0.05, ex + r * 0.14, y + r * 0.23), fill=fill)
        ears = sorted((x + side * r * 0.7, x + side * r * 0.85))
        draw.rectangle((ears[0], y - r * 0.05, ears[1], y + r * 0.25), fill=fill)
    draw.line((x, y - r * 0.45, x, y - r * 0.8), fill=fill, width=_width(r))
    draw.ellipse((x - r * 0.1, y - r * 0.95, x + r * 0.1, y - r * 0.75), fill=fill)
    draw.rounded_rectangle((x - r * 0.3, y + r * 0.35, x + r * 0.3, y + r * 0.45), radius=r * 0.05, fill=fill)


def atom(draw, x, y, r, fill):
    for turn in range(3):
        angle = turn * math.pi / 3
        orbit = []
        for step in range(73):
            t = step * 2 * math.pi / 72
            ox, oy = r * math.cos(t), r * 0.36 * math.sin(t)
            orbit.append(
                (x + ox * math.cos(angle) - oy * math.sin(angle), y + ox * math.sin(angle) + oy * math.cos(angle))
            )
        draw.line(orbit, fill=fill, width=_width(r, 0.04), joint="curve")
    draw.ellipse((x - r * 0.14, y - r * 0.14, x + r * 0.14, y + r * 0.14), fill=fill)


def globe(draw, x, y, r, fill):
    width = _width(r, 0.045)
    draw.ellipse((x - r, y - r, x + r, y + r), outline=fill, width=width)
    for share in (0.35, 0.7):
        draw.ellipse((x - r * share, y - r, x + r * share, y + r), outline=fill, width=width)
    for share in (-0.5, 0, 0.5):
        half = r * math.sqrt(1 - share**2)
        draw.line((x - half, y + share * r, x + half, y + share * r), fill=fill, width=width)
    for angle in (0.3, 2.2, 4.0):
        nx, ny = x + 1.25 * r * math.cos(angle), y + 1.25 * r * math.sin(angle)
        draw.line((x + r * math.cos(angle), y + r * math.sin(angle), nx, ny), fill=fill, width=width)
        draw.ellipse((nx - r * 0.1, ny - r * 0.1, nx + r * 0.1, ny + r * 0.1), fill=fill)


def screen_play(draw, x, y, r, fill):
    draw.rounded_rectangle((x - r, y - r * 0.65, x + r, y + r * 0.65), radius=r * 0.12, outline=fill, width=_width(r))
    draw.polygon([(x - r * 0.25, y - r * 0.35), (x - r * 0.25, y + r * 0.35), (x + r * 0.38, y)], fill=fill)
    for step in range(7):
        px = x - r * 0.9 + step * r * 0.3
        draw.rectangle((px, y + r * 0.72, px + r * 0.15, y + r * 0.82), fill=fill)


def skyline(draw, x, y, r, fill):
    ground = y + r * 0.8
    towers = [(-1.0, 0.8), (-0.7, 1.5), (-0.35, 1.1), (0.0, 1.75), (0.35, 1.25), (0.7, 1.55)]
    for left, height in towers:
        x0, x1, top = x + left * r, x + (left + 0.28) * r, ground - height * r * 0.9
        draw.rectangle((x0, top, x1, ground), outline=fill, width=_width(r, 0.035))
        for row in range(int(height * 3)):
            wy = top + r * 0.12 + row * r * 0.27
            if wy + r * 0.08 < ground - r * 0.05:
                draw.rectangle((x0 + r * 0.08, wy, x1 - r * 0.08, wy + r * 0.08), fill=fill[:3] + (fill[3] * 2 // 3,))
    draw.line((x - r * 1.1, ground, x + r * 1.1, ground), fill=fill, width=_width(r))


def shield(draw, x, y, r, fill):
    outline = [
        (x, y - r),
        (x + r * 0.8, y - r * 0.65),
        (x + r * 0.72, y + r * 0.2),
        (x, y + r),
        (x - r * 0.72, y + r * 0.2),
        (x - r * 0.8, y - r * 0.65),
        (x, y - r),
    ]
    draw.line(outline, fill=fill, width=_width(r, 0.07), joint="curve")
    draw.ellipse((x - r * 0.18, y - r * 0.35, x + r * 0.18, y + r * 0.01), fill=fill)
    draw.polygon(
        [
            (x - r * 0.1, y - r * 0.05),
            (x + r * 0.1, y - r * 0.05),
            (x + r * 0.15, y + r * 0.4),
            (x - r * 0.15, y + r * 0.4),
        ],
        fill=fill,
    )


def rising_chart(draw, x, y, r, fill):
    base = y + r * 0.8
    for step, height in enumerate((0.45, 0.7, 0.6, 1.05, 1.4)):
        x0 = x - r + step * r * 0.42
        draw.rounded_rectangle(
            (x0, base - height * r, x0 + r * 0.28, base), radius=r * 0.05, fill=fill[:3] + (fill[3] * 2 // 3,)
        )
    line = [
        (x - r * 0.86 + step * r * 0.42, base - (height + 0.25) * r)
        for step, height in enumerate((0.45, 0.7, 0.6, 1.05, 1.4))
    ]
    draw.line(line, fill=fill, width=_width(r, 0.05), joint="curve")
    for px, py in line:
        draw.ellipse((px - r * 0.07, py - r * 0.07, px + r * 0.07, py + r * 0.07), fill=fill)


def vehicle(draw, x, y, r, fill):
    width = _width(r)
    body = [
        (x - r, y + r * 0.25),
        (x - r, y - r * 0.05),
        (x - r * 0.55, y - r * 0.1),
        (x - r * 0.3, y - r * 0.5),
        (x + r * 0.4, y - r * 0.5),
        (x + r * 0.7, y - r * 0.1),
        (x + r, y - r * 0.02),
        (x + r, y + r * 0.25),
        (x - r, y + r * 0.25),
    ]
    draw.line(body, fill=fill, width=width, joint="curve")
    for wx in (-0.55, 0.55):
        cx = x + wx * r
        draw.ellipse((cx - r * 0.22, y + r * 0.05, cx + r * 0.22, y + r * 0.49), fill=fill)
    for step in range(4):
        lx = x - r * 1.1 + step * r * 0.65
        draw.rectangle((lx, y + r * 0.75, lx + r * 0.35, y + r * 0.82), fill=fill)


def hexagons(draw, x, y, r, fill):
    size = r * 0.38
    for cx, cy in ((0, 0), (1, 0.5), (1, -0.5), (-1, 0.5), (-1, -0.5), (0, 1), (0, -1)):
        hx, hy = x + cx * size * 1.5, y + cy * size * math.sqrt(3)
        corners = [(hx + size * math.cos(k * math.pi / 3), hy + size * math.sin(k * math.pi / 3)) for k in range(7)]
        draw.line(corners, fill=fill, width=_width(r, 0.04), joint="curve")


MOTIFS = {
    ExhibitCategory.ARTIFICIAL_INTELLIGENCE: neural_network,
    ExhibitCategory.ROBOTICS: robot,
    ExhibitCategory.QUANTUM: atom,
    ExhibitCategory.NETWORKS: globe,
    ExhibitCategory.DIGITAL_CULTURE: screen_play,
    ExhibitCategory.SMART_CITY: skyline,
    ExhibitCategory.CYBERSECURITY: shield,
    ExhibitCategory.DIGITAL_ECONOMY: rising_chart,
    ExhibitCategory.MOBILITY: vehicle,
    ExhibitCategory.OTHER: hexagons,
}
MOTIF_NAMES = {
    ExhibitCategory.ARTIFICIAL_INTELLIGENCE: "a neural network",
    ExhibitCategory.ROBOTICS: "a robot's head",
    ExhibitCategory.QUANTUM: "an atom",
    ExhibitCategory.NETWORKS: "a connected globe",
    ExhibitCategory.DIGITAL_CULTURE: "a screen with a play button",
    ExhibitCategory.SMART_CITY: "a city skyline",
    ExhibitCategory.CYBERSECURITY: "a shield with a keyhole",
    ExhibitCategory.DIGITAL_ECONOMY: "a rising chart",
    ExhibitCategory.MOBILITY: "a vehicle on a road",
    ExhibitCategory.OTHER: "hexagons",
}
