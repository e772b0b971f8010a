// The house styles a templates folder offers: the folders of templates/houses/ that hold a
// house.yml. A team's copy of templates/ made before house styles existed has no houses/
// folder; it is one implicit house, the default, with the settings of house-style.ts.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const defaultHouse = 'state';

export const housesFolder = (templatesFolder: string) => path.join(templatesFolder, 'houses');

export function houseNames(templatesFolder: string): string[] {
  const folder = housesFolder(templatesFolder);
  if (!existsSync(folder)) return [defaultHouse];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, 'house.yml')))
    .map((entry) => entry.name)
    .sort();
}
