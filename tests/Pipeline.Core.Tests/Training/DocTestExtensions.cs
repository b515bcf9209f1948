namespace Pipeline.Tests.Training;

/// <summary>Helpers for building test docs.</summary>
internal static class DocTestExtensions
{
    /// <summary>Copies Pos and Tag from <paramref name="gold"/> (same words) and returns the doc.</summary>
    public static Doc CopyTags(this Doc doc, Doc gold)
    {
        for (var i = 0; i < doc.Length; i++)
        {
            doc[i].PosId = gold[i].PosId;
            doc[i].TagId = gold[i].TagId;
        }

        return doc;
    }
}
