using Pipeline.Tokens;

namespace Pipeline.Docs.Examples;

/// <summary>The C# counterparts of the examples on the saving-and-loading page; each returns what it shows.</summary>
public static class SerializationExamples
{
    public static List<string> SerializePipeline()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("sentencizer"));
        #region SerializePipeline
        byte[] bytesData = nlp.ToBytes();
        string lang = nlp.Lang;                        // "en"
        List<string> pipeline = [.. nlp.PipeNames];    // the component names, e.g. ["sentencizer"]
        #endregion
        #region DeserializePipeline
        var restored = Nlp.Blank(lang);
        foreach (var pipeName in pipeline)
        {
            restored.AddPipe(restored.CreatePipe(pipeName));
        }

        restored.FromBytes(bytesData);
        #endregion
        return [.. restored.PipeNames];
    }

    public static string CustomComponentToDisk(string path)
    {
        #region CustomComponentToDisk
        var nlp = Nlp.Blank("en");
        var myComponent = new CustomComponent();
        myComponent.Add(new() { ["hello"] = "world" });
        nlp.AddPipe(myComponent);
        nlp.ToDisk(path);   // writes path/my_component/data.json
        #endregion
        return File.ReadAllText(Path.Combine(path, "my_component", "data.json"));
    }

    public static string CustomComponentLoad(string path)
    {
        #region RegisterFactory
        Language.Factories["my_component"] = (nlp, config) => new CustomComponent();
        #endregion
        #region LoadCustomComponent
        var nlp = Nlp.Load(path);                      // creates "my_component" through its factory
        var component = (CustomComponent)nlp.GetPipe("my_component");
        #endregion
        return component.Data[0]["hello"];
    }

    public static (int Separate, int Together) SpanAsDoc()
    {
        var nlp = Nlp.Blank("en");
        var doc = nlp.Process("One two three four five six seven eight nine ten eleven twelve");
        #region SpanAsDoc
        // There is no serializer for a lone Span or Token: copy the span into a Doc of its own.
        Doc spanDoc = doc[2..5].AsDoc();
        byte[] data = spanDoc.ToBytes();
        #endregion
        return (data.Length, doc.ToBytes().Length);
    }
}
