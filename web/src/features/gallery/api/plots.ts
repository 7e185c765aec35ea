// The stored plots as react-query data: one plot by id (null when none is stored or it is damaged),
// under the gallery's keys so that a reload of the list after an import reads it again.
import { useQuery } from '@tanstack/react-query';
import { getPlot } from '@/features/gallery/storage/plot-db';
import { galleryKeys } from './gallery';

export const usePlot = (id: string) => useQuery({ queryKey: [...galleryKeys.all, 'plot', id], queryFn: async () => (await getPlot(id)) ?? null });
