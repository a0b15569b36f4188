import rewind from '@turf/rewind';
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useMemo, type KeyboardEvent } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const WIDTH = 600;
// Keeps a long territory (the whole country, a Saharan region) from becoming a thin strip.
const MAX_HEIGHT = 720;

export interface MapArea {
  fill: string;
  title: string;
  status?: string;
  /** Outside the user's territories: drawn as an outline only, and not opened. */
  isOutside?: boolean;
}

interface CoverageMapProps {
  topology: unknown;
  object: string;
  /** How to draw the area of each child territory, by code; areas without an entry are drawn blank. */
  areaOf: (code: string) => MapArea | undefined;
  onSelect?: (code: string) => void;
  selectedCode?: string | null;
  label: string;
}

type AreaFeature = Feature<Geometry, { code?: string }>;

/**
 * The topology's child areas as GeoJSON, wound clockwise: topojson's `feature()` returns RFC 7946 rings
 * (exterior counter-clockwise), which d3-geo's spherical geometry reads as "the whole globe but this area".
 */
export function toClockwiseFeatures(topology: unknown, object: string): AreaFeature[] {
  const topo = topology as Topology;
  const collection = topo?.objects?.[object] as GeometryCollection<{ code?: string }> | undefined;
  if (!collection) return [];
  const converted = feature(topo, collection) as FeatureCollection<Geometry, { code?: string }> | AreaFeature;
  const features = 'features' in converted ? converted.features : [converted];
  return features
    .filter((f) => f.geometry !== null)
    .map((f) => rewind(f as never, { reverse: true }) as unknown as AreaFeature);
}

export function CoverageMap({ topology, object, areaOf, onSelect, selectedCode, label }: CoverageMapProps) {
  const drawn = useMemo(() => {
    const features = toClockwiseFeatures(topology, object);
    if (features.length === 0) return null;
    const collection: FeatureCollection<Geometry, { code?: string }> = { type: 'FeatureCollection', features };
    const projection = geoMercator().fitWidth(WIDTH, collection);
    let height = Math.ceil(geoPath(projection).bounds(collection)[1][1]);
    if (height > MAX_HEIGHT) {
      projection.fitSize([WIDTH, MAX_HEIGHT], collection);
      height = MAX_HEIGHT;
    }
    const path = geoPath(projection);
    return {
      height: Math.max(height, 1),
      areas: features.map((f) => ({ code: String(f.properties?.code ?? ''), d: path(f) ?? '' })),
    };
  }, [topology, object]);

  if (!drawn) return null;

  const activate = (code: string) => onSelect?.(code);
  const onKey = (event: KeyboardEvent<SVGPathElement>, code: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate(code);
    }
  };

  // The selected area is drawn last so that its outline is not hidden by its neighbours.
  const ordered = selectedCode
    ? [...drawn.areas.filter((a) => a.code !== selectedCode), ...drawn.areas.filter((a) => a.code === selectedCode)]
    : drawn.areas;

  return (
    <svg
      className="tanzim-map"
      data-testid="coverage-map"
      viewBox={`0 0 ${WIDTH} ${drawn.height}`}
      role="group"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      {ordered.map(({ code, d }) => {
        const area = areaOf(code);
        return (
          <path
            key={code}
            d={d}
            className={['tanzim-map-area', code === selectedCode ? 'is-selected' : '', area?.isOutside ? 'is-outside' : ''].filter(Boolean).join(' ')}
            fill={area?.fill ?? '#f1f3f5'}
            data-code={code}
            data-status={area?.status}
            data-outside={area?.isOutside || undefined}
            role={onSelect && !area?.isOutside ? 'button' : undefined}
            tabIndex={onSelect && !area?.isOutside ? 0 : undefined}
            aria-label={area?.title ?? code}
            onClick={() => activate(code)}
            onKeyDown={(event) => onKey(event, code)}
          >
            <title>{area?.title ?? code}</title>
          </path>
        );
      })}
    </svg>
  );
}

export function MapLegend({ items, title }: { items: { color: string; label: string }[]; title: string }) {
  return (
    <div className="tanzim-legend" data-testid="map-legend" role="list" aria-label={title}>
      {items.map((item) => (
        <span key={item.label} className="tanzim-legend-item" role="listitem">
          <span className="tanzim-legend-swatch" style={{ background: item.color }} />
          {item.label}
        </span>
      ))}
    </div>
  );
}
