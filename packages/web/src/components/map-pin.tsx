/**
 * Optional map pin (Leaflet, loaded only when opened): tap the map to place the pin, tap again to move it. Shared by
 * the report form and a program's intake page; each loads it lazily.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { CircleMarker, MapContainer, TileLayer, useMapEvents } from 'react-leaflet';

export interface LatLng {
  lat: number;
  lng: number;
}

// Default view: the whole of Indonesia.
const CENTER: [number, number] = [-2.5, 118];

function Clicks({ onPick }: { onPick: (p: LatLng) => void }) {
  useMapEvents({ click: (e) => onPick({ lat: +e.latlng.lat.toFixed(6), lng: +e.latlng.lng.toFixed(6) }) });
  return null;
}

export default function MapPin({
  value,
  onChange,
  label,
}: {
  value: LatLng | null;
  onChange: (p: LatLng) => void;
  label: string;
}) {
  return (
    <div role="application" aria-label={label} style={{ height: 280 }}>
      <MapContainer
        center={value ? [value.lat, value.lng] : CENTER}
        zoom={value ? 14 : 4}
        style={{ height: '100%', borderRadius: 8 }}
        maxBounds={L.latLngBounds([-12, 94], [7, 142])}
      >
        <TileLayer
          attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
          url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        />
        <Clicks onPick={onChange} />
        {value && (
          <CircleMarker center={[value.lat, value.lng]} radius={10} pathOptions={{ color: '#b91c1c' }} />
        )}
      </MapContainer>
    </div>
  );
}
