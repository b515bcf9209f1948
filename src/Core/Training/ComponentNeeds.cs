using Pipeline.Components;
using Pipeline.Tokens;

namespace Pipeline.Training;

/// <summary>
/// Which components of a pipeline must run so that chosen ones see all the input they read, from what each
/// declares with <see cref="IDeclaresAttributes"/>. Training and dev scoring use it to leave out work whose
/// output nobody reads; a component that declares nothing always runs and counts as reading everything.
/// </summary>
public static class ComponentNeeds
{
    /// <summary>
    /// Every target, and every component before the last target that writes an attribute a later running component
    /// reads; nothing after the last target.
    /// </summary>
    public static bool[] ToRun(IReadOnlyList<IPipe> pipes, bool[] targets)
    {
        var runs = new bool[pipes.Count];
        var reads = new HashSet<Attr>();
        var readsAll = false;
        for (var k = Array.LastIndexOf(targets, true); k >= 0; k--)
        {
            var declared = pipes[k] as IDeclaresAttributes;
            runs[k] = targets[k] || declared is null || readsAll || declared.Writes.Any(reads.Contains);
            if (!runs[k])
            {
                continue;
            }

            if (declared is null)
            {
                readsAll = true;
            }
            else
            {
                reads.UnionWith(declared.Reads);
            }
        }

        return runs;
    }

    /// <summary>Whether a component sets heads (a parser, or a component that declares nothing), for the dep view.</summary>
    public static bool SetsHeads(IReadOnlyList<IPipe> pipes) =>
        pipes.Any(p => p is not IDeclaresAttributes d || d.Writes.Contains(Attr.Head));

    /// <summary>The components needed for the entities: those that write them (or declare nothing) and their inputs.</summary>
    public static bool[] ForEntities(IReadOnlyList<IPipe> pipes) =>
        ToRun(pipes, [.. pipes.Select(p => p is not IDeclaresAttributes d || d.Writes.Contains(Attr.EntIob) || d.Writes.Contains(Attr.EntType))]);
}
