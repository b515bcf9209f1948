using System.Text.Json;
using Pipeline.Components;
using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Docs.Examples;

#region CustomComponent
/// <summary>A component that keeps JSON-serializable data and saves it in its own model directory.</summary>
public sealed class CustomComponent : IPipe, IDiskSerializable
{
    public string Name => "my_component";

    public List<Dictionary<string, string>> Data { get; private set; } = [];

    public Doc Process(Doc doc) => doc; // Do something to the doc here

    public void Add(Dictionary<string, string> data) => Data.Add(data);

    // Receives the model directory + "/my_component", already created.
    public void ToDisk(string directory) =>
        File.WriteAllText(Path.Combine(directory, "data.json"), JsonSerializer.Serialize(Data));

    public void FromDisk(string directory) =>
        Data = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(
            File.ReadAllText(Path.Combine(directory, "data.json"))) ?? [];
}
#endregion
