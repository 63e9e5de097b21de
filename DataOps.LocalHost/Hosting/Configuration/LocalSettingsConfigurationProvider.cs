using System.Globalization;
using System.Text.Json;

namespace DataOps.LocalHost.Hosting.Configuration;

/// <summary>
/// Reads <c>local.settings.json</c> as the Functions Core Tools do: every <c>Values</c> entry becomes a
/// setting (<c>__</c> read as the <c>:</c> section separator), plus <c>Host</c> and <c>ConnectionStrings</c>.
/// </summary>
internal sealed class LocalSettingsConfigurationProvider(string path) : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"local.settings.json at '{path}' is not valid JSON (line {ex.LineNumber + 1}).", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException($"local.settings.json at '{path}' must be a JSON object.");
            }

            foreach (var section in document.RootElement.EnumerateObject())
            {
                if (section.NameEquals("Values") && section.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var value in section.Value.EnumerateObject())
                    {
                        data[value.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = Text(value.Value);
                    }
                }
                else if ((section.NameEquals("Host") || section.NameEquals("ConnectionStrings")) && section.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var value in section.Value.EnumerateObject())
                    {
                        data[section.Name + ConfigurationPath.KeyDelimiter + value.Name] = Text(value.Value);
                    }
                }
            }
        }

        Data = data;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };
}
