/** Seeds the category tree from the reference file. */
import type { Progress } from '../../cli/progress';
import type { Db } from '../open';
import { categories } from '../schema';
import { type CategoryNode, loadCategoryTree } from './reference-files';

/** Inserts every topic and subtopic, parents first. */
export async function seedCategories(db: Db, progress: Progress): Promise<void> {
  const tree = loadCategoryTree();
  const count = (nodes: CategoryNode[]): number => nodes.reduce((n, c) => n + 1 + count(c.children ?? []), 0);
  progress.step('Kategori (categories)', count(tree));
  const insert = async (nodes: CategoryNode[], parentId: number | null) => {
    for (const [i, node] of nodes.entries()) {
      const [row] = await db
        .insert(categories)
        .values({
          parentId,
          code: node.code,
          name: node.name,
          nameEn: node.nameEn ?? null,
          defaultComplexity: node.defaultComplexity ?? null,
          routing: node.routing ?? null,
          sort: i,
        })
        .returning({ id: categories.id });
      progress.tick(1);
      if (node.children?.length) await insert(node.children, row!.id);
    }
  };
  await insert(tree, null);
  progress.done();
}
