// The diagnostic catalogue (titles and docs links), loaded with the engine's lazy chunk so the
// page's first JavaScript stays small.
import { useEffect, useState } from 'react';
import type { CatalogueEntry } from '../engine';

export type Catalogue = Record<string, CatalogueEntry | undefined>;

let loading: Promise<Catalogue> | null = null;

export function loadCatalogue(): Promise<Catalogue> {
  loading ??= import('../engine').then((engine) => engine.DIAGNOSTIC_CATALOGUE as Catalogue);
  return loading;
}

export function useCatalogue(): Catalogue | null {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    let live = true;
    void loadCatalogue().then((loaded) => live && setCatalogue(loaded));
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}
