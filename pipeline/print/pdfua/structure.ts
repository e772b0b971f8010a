// The structure tree as the post-pass edits it (ISO 32000-1, 14.7): elements with their kinds,
// kids and parents, and the parent tree that maps marked content and annotations back to their
// elements. Chromium writes every element as an indirect object and the parent tree as one flat
// number tree; both are kept that way.
import { PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, PDFObject, PDFRef, type PDFDocument } from 'pdf-lib';

export interface StructElement {
  ref: PDFRef;
  dict: PDFDict;
  /** The structure type without its slash: `P`, `LI`, `Figure`… */
  type: string;
  parent?: StructElement;
}

const K = PDFName.of('K');
const S = PDFName.of('S');
const P = PDFName.of('P');

export const typeOf = (dict: PDFDict): string => dict.lookupMaybe(S, PDFName)?.asString().slice(1) ?? '';

/** The kids of an element as written: element refs, MCIDs (numbers) and MCR/OBJR dictionaries. */
export function kidsOf(dict: PDFDict): PDFObject[] {
  const kids = dict.get(K);
  if (kids === undefined) return [];
  if (kids instanceof PDFArray) return kids.asArray();
  return [kids];
}

export function setKids(pdf: PDFDocument, dict: PDFDict, kids: PDFObject[]): void {
  dict.set(K, kids.length === 1 ? kids[0]! : pdf.context.obj(kids));
}

/** An indirect kid that is a structure element (not a marked-content or object reference). */
export function elementKid(pdf: PDFDocument, kid: PDFObject): { ref: PDFRef; dict: PDFDict } | undefined {
  if (!(kid instanceof PDFRef)) return undefined;
  const dict = pdf.context.lookup(kid);
  if (!(dict instanceof PDFDict) || !dict.has(S)) return undefined;
  return { ref: kid, dict };
}

/** Every structure element, parents before children, in the tree's (reading) order. */
export function structureElements(pdf: PDFDocument): StructElement[] {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return [];
  const elements: StructElement[] = [];
  const seen = new Set<PDFRef>();
  const visit = (kid: PDFObject, parent: StructElement | undefined, depth: number) => {
    const element = elementKid(pdf, kid);
    if (!element || seen.has(element.ref) || depth > 200) return;
    seen.add(element.ref);
    const node: StructElement = { ...element, type: typeOf(element.dict), parent };
    elements.push(node);
    for (const child of kidsOf(element.dict)) visit(child, node, depth + 1);
  };
  for (const kid of kidsOf(root)) visit(kid, undefined, 0);
  return elements;
}

/** Adds a structure element under `parent` and returns it (kids are not re-parented here). */
export function createElement(pdf: PDFDocument, type: string, parent: PDFRef, kids: PDFObject[], extra: Record<string, PDFObject> = {}): StructElement {
  const dict = pdf.context.obj({ Type: 'StructElem', S: type, P: parent }) as PDFDict;
  for (const [key, value] of Object.entries(extra)) dict.set(PDFName.of(key), value);
  setKids(pdf, dict, kids);
  const ref = pdf.context.register(dict);
  return { ref, dict, type };
}

export function setParent(pdf: PDFDocument, kid: PDFObject, parent: PDFRef): void {
  const element = elementKid(pdf, kid);
  if (element) element.dict.set(P, parent);
}

/**
 * The parent tree, read into a map and written back flat: page keys (a page's StructParents)
 * map to an array indexed by MCID, annotation keys (StructParent) to one element.
 */
export class ParentTree {
  private readonly entries = new Map<number, PDFObject>();
  private changed = false;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly root: PDFDict,
  ) {
    const visit = (node: PDFDict | undefined, depth: number) => {
      if (!node || depth > 32) return;
      const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
      for (let index = 0; nums && index + 1 < nums.size(); index += 2) {
        const key = nums.lookup(index);
        if (key instanceof PDFNumber) this.entries.set(key.asNumber(), nums.get(index + 1));
      }
      const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
      for (let index = 0; kids && index < kids.size(); index++) visit(kids.lookupMaybe(index, PDFDict), depth + 1);
    };
    visit(root.lookupMaybe(PDFName.of('ParentTree'), PDFDict), 0);
  }

  static of(pdf: PDFDocument): ParentTree | undefined {
    const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    return root ? new ParentTree(pdf, root) : undefined;
  }

  /** The MCID-indexed array of a page (its StructParents key). */
  pageArray(key: number): PDFArray | undefined {
    const value = this.entries.get(key);
    const array = value === undefined ? undefined : this.pdf.context.lookup(value);
    return array instanceof PDFArray ? array : undefined;
  }

  /** Points an MCID of a page at another element. */
  setMarkedContent(key: number, mcid: number, element: PDFRef): void {
    let array = this.pageArray(key);
    if (!array) {
      array = this.pdf.context.obj([]);
      this.entries.set(key, array);
    }
    while (array.size() <= mcid) array.push(PDFNull);
    array.set(mcid, element);
    this.changed = true;
  }

  element(key: number): PDFRef | undefined {
    const value = this.entries.get(key);
    return value instanceof PDFRef ? value : undefined;
  }

  setElement(key: number, element: PDFRef): void {
    this.entries.set(key, element);
    this.changed = true;
  }

  /** Writes the tree back as one flat /Nums array if anything changed. */
  save(): void {
    if (!this.changed) return;
    const nums: PDFObject[] = [];
    for (const key of [...this.entries.keys()].sort((a, b) => a - b)) nums.push(PDFNumber.of(key), this.entries.get(key)!);
    const tree = this.pdf.context.obj({}) as PDFDict;
    tree.set(PDFName.of('Nums'), this.pdf.context.obj(nums));
    const existing = this.root.get(PDFName.of('ParentTree'));
    if (existing instanceof PDFRef) this.pdf.context.assign(existing, tree);
    else this.root.set(PDFName.of('ParentTree'), this.pdf.context.register(tree));
    const next = Math.max(-1, ...this.entries.keys()) + 1;
    this.root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(next));
  }
}
