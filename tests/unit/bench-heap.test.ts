// @vitest-environment node
/** bench/heap.ts reading a heap snapshot: what each object keeps alive, in the JS heap only. */
import { describe, expect, it } from 'vitest';
import { retainers } from '../../bench/heap';

/**
 * A snapshot in V8's flat layout: nodes [type, name, id, self_size, edge_count], edges [type, name, to]
 * (`to` is an index into the node list times the node field count).
 */
function snapshot(nodes: Array<[string, string, number]>, edges: Array<[number, string, string, number]>) {
  const nodeTypes = ['synthetic', 'object', 'native', 'array'];
  const edgeTypes = ['property', 'weak', 'element'];
  const strings: string[] = [];
  const str = (v: string) => (strings.includes(v) ? strings.indexOf(v) : strings.push(v) - 1);
  const flatNodes: number[] = [];
  nodes.forEach(([type, name, size], i) =>
    flatNodes.push(nodeTypes.indexOf(type), str(name), i + 1, size, edges.filter((e) => e[0] === i).length),
  );
  const flatEdges: number[] = [];
  for (const [, type, name, to] of [...edges].sort((a, b) => a[0] - b[0])) flatEdges.push(edgeTypes.indexOf(type), str(name), to * 5);
  return {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
        node_types: [nodeTypes] as [string[]],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [edgeTypes] as [string[]],
      },
    },
    nodes: flatNodes,
    edges: flatEdges,
    strings,
  };
}

describe('the heap bench', () => {
  it('counts what only an object reaches in its retained size, shared objects at their common holder, native bytes as 0', () => {
    const s = snapshot(
      [
        ['synthetic', '', 0], // 0 root
        ['synthetic', '(GC roots)', 0], // 1
        ['object', 'Atlas', 100], // 2
        ['object', 'Cache', 10], // 3
        ['array', 'rings', 1000], // 4: only the atlas holds it
        ['object', 'Shared', 50], // 5: held by both
        ['native', 'ArrayBufferData', 5000], // 6: outside the JS heap
      ],
      [
        [0, 'element', '1', 1],
        [1, 'property', 'atlas', 2],
        [1, 'property', 'cache', 3],
        [2, 'property', 'rings', 4],
        [2, 'property', 'shared', 5],
        [3, 'property', 'shared', 5],
        [3, 'weak', 'rings', 4],
        [4, 'property', 'backing_store', 6],
      ],
    );
    expect(retainers(s, 0, 3).map((r) => [r.depth, r.edge, r.node, r.retained])).toEqual([
      [1, 'atlas', 'object:Atlas', 1100],
      [2, 'rings', 'array:rings', 1000],
      [3, 'backing_store', 'native:ArrayBufferData', 0],
      [1, '~', 'object:Shared', 50],
      [1, 'cache', 'object:Cache', 10],
    ]);
    // Only what holds enough is listed.
    expect(retainers(s, 500, 3).map((r) => r.node)).toEqual(['object:Atlas', 'array:rings']);
  });
});
