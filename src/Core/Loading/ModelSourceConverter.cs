using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline;

/// <summary>Reads a source given as a string or an object; writes an object.</summary>
internal sealed class ModelSourceConverter : JsonConverter<ModelSource>
{
    public override ModelSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ModelSource { Name = reader.GetString()! };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a source must be a string or an object with \"name\"");
        }

        string? name = null, url = null, license = null, author = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            switch (key)
            {
                case "name": name = value; break;
                case "url": url = value; break;
                case "license": license = value; break;
                case "author": author = value; break;
            }
        }

        return new ModelSource { Name = name ?? string.Empty, Url = url, License = license, Author = author };
    }

    public override void Write(Utf8JsonWriter writer, ModelSource value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        if (value.Url is not null)
        {
            writer.WriteString("url", value.Url);
        }

        if (value.License is not null)
        {
            writer.WriteString("license", value.License);
        }

        if (value.Author is not null)
        {
            writer.WriteString("author", value.Author);
        }

        writer.WriteEndObject();
    }
}
