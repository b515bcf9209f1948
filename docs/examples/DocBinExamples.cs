using Pipeline.Tokens;

namespace Pipeline.Docs.Examples;

/// <summary>DocBin, extension attributes and the "pickle" point, as shown in docs/saving-and-loading.md.</summary>
public static class DocBinExamples
{
    public static List<Doc> DocBinRoundTrip(Language nlp)
    {
        #region DocBinSerialize
        var docBin = new DocBin([Attr.Lemma, Attr.EntIob, Attr.EntType], storeUserData: true);
        string[] texts = ["Some text", "Lots of texts...", "..."];
        foreach (var doc in nlp.Pipe(texts))
        {
            docBin.Add(doc);
        }

        byte[] bytesData = docBin.ToBytes();
        #endregion
        #region DocBinDeserialize
        // Later, e.g. in another process: a blank pipeline's vocab is enough, the bytes carry their strings.
        var blank = Nlp.Blank("en");
        var docs = DocBin.FromBytes(bytesData).GetDocs(blank.Vocab).ToList();
        #endregion
        return docs;
    }

    public static List<object?> ExtensionValues(List<Doc> docs)
    {
        #region ExtensionValues
        // Only the values travel: register the attribute again where the docs are read.
        Doc.SetExtension("my_custom_attr", defaultValue: null);
        var values = docs.Select(doc => doc.Ext["my_custom_attr"]).ToList();
        #endregion
        return values;
    }

    public static (int Separate, int Together) SerializeTogether(Language nlp)
    {
        #region SerializeTogether
        var doc1 = nlp.Process("Hello world");
        var doc2 = nlp.Process("This is a test");

        // Each Doc's bytes carry the strings it uses, so two docs never drag a whole vocabulary along...
        int separate = doc1.ToBytes().Length + doc2.ToBytes().Length;

        // ...and a DocBin of many docs stores each string once.
        var bin = new DocBin();
        bin.Add(doc1);
        bin.Add(doc2);
        int together = bin.ToBytes().Length;
        #endregion
        return (separate, together);
    }
}
