using System.Diagnostics.CodeAnalysis;

namespace DataOps.Storage;

/// <summary>
/// A parsed Azure Storage connection string: either <c>UseDevelopmentStorage=true</c> (Azurite's well-known account
/// on ports 10000/10001/10002) or the full <c>DefaultEndpointsProtocol=..;AccountName=..;AccountKey=..</c> form with
/// optional explicit endpoints or <c>EndpointSuffix</c>. The account key is never part of any message or
/// <see cref="ToString"/>.
/// </summary>
public sealed class StorageConnectionString
{
    /// <summary>The Azurite development account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Azurite's publicly documented development key; it protects nothing.
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnectionString(string accountName, byte[] accountKey, Uri blob, Uri queue, Uri table, bool development)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
        IsDevelopmentStorage = development;
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>The blob service endpoint.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>True for <c>UseDevelopmentStorage=true</c>.</summary>
    public bool IsDevelopmentStorage { get; }

    internal byte[] AccountKey { get; }

    /// <summary>Parses a connection string; throws <see cref="FormatException"/> naming what is wrong (never the key).</summary>
    public static StorageConnectionString Parse(string connectionString)
    {
        var result = ParseCore(connectionString, out var error);
        return result ?? throw new FormatException("The storage connection string is malformed: " + error);
    }

    /// <summary>Parses a connection string; returns false (and null) when it is malformed.</summary>
    public static bool TryParse(string? connectionString, [NotNullWhen(true)] out StorageConnectionString? result)
    {
        result = ParseCore(connectionString, out _);
        return result is not null;
    }

    /// <summary>A description of the account and endpoints, without the key.</summary>
    public override string ToString() =>
        $"AccountName={AccountName};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint}";

    private static StorageConnectionString? ParseCore(string? connectionString, out string error)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "it is empty.";
            return null;
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var raw in connectionString.Split(';'))
        {
            index++;
            var segment = raw.Trim();
            if (segment.Length == 0)
            {
                continue;
            }

            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                // The segment text is not echoed: it could be (part of) the key.
                error = $"segment {index} is not of the form Key=Value.";
                return null;
            }

            var key = segment[..eq].Trim();
            if (!KnownKeys.Contains(key))
            {
                // Only a plain word is echoed: anything else could be a stray piece of the key.
                error = key.Length <= 40 && key.All(char.IsAsciiLetter)
                    ? $"unknown setting '{key}' (segment {index})."
                    : $"segment {index} is not a known Key=Value setting.";
                return null;
            }

            if (!settings.TryAdd(key, segment[(eq + 1)..].Trim()))
            {
                error = $"setting '{key}' appears more than once.";
                return null;
            }
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            return ParseDevelopment(settings, dev, out error);
        }

        return ParseAccount(settings, out error);
    }

    private static readonly string[] RequiredAccountKeys = ["AccountName", "AccountKey"];

    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName",
        "AccountKey", "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "EndpointSuffix",
    };

    private static StorageConnectionString? ParseDevelopment(Dictionary<string, string> settings, string value, out string error)
    {
        if (!value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            error = "UseDevelopmentStorage must be 'true'.";
            return null;
        }

        var extra = settings.Keys.FirstOrDefault(k =>
            !k.Equals("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase) &&
            !k.Equals("DevelopmentStorageProxyUri", StringComparison.OrdinalIgnoreCase));
        if (extra is not null)
        {
            error = $"setting '{extra}' cannot be combined with UseDevelopmentStorage.";
            return null;
        }

        var host = "127.0.0.1";
        var scheme = "http";
        if (settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy))
        {
            if (!Uri.TryCreate(proxy, UriKind.Absolute, out var proxyUri) || (proxyUri.Scheme != "http" && proxyUri.Scheme != "https"))
            {
                error = "DevelopmentStorageProxyUri is not an absolute http(s) URI.";
                return null;
            }

            host = proxyUri.Host;
            scheme = proxyUri.Scheme;
        }

        error = string.Empty;
        return new StorageConnectionString(
            DevelopmentAccountName,
            Convert.FromBase64String(DevelopmentAccountKey),
            new Uri($"{scheme}://{host}:10000/{DevelopmentAccountName}"),
            new Uri($"{scheme}://{host}:10001/{DevelopmentAccountName}"),
            new Uri($"{scheme}://{host}:10002/{DevelopmentAccountName}"),
            development: true);
    }

    private static StorageConnectionString? ParseAccount(Dictionary<string, string> settings, out string error)
    {
        var missing = RequiredAccountKeys
            .Where(k => !settings.TryGetValue(k, out var v) || v.Length == 0).ToList();
        if (missing.Count > 0)
        {
            error = $"missing {string.Join(" and ", missing)}.";
            return null;
        }

        var name = settings["AccountName"];
        if (name.Length is < 3 or > 64 || !name.All(char.IsAsciiLetterOrDigit))
        {
            error = "AccountName must be 3-64 letters or digits.";
            return null;
        }

        var key = new byte[settings["AccountKey"].Length];
        if (!Convert.TryFromBase64String(settings["AccountKey"], key, out var keyLength) || keyLength == 0)
        {
            error = "AccountKey is not valid base64.";
            return null;
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            error = "DefaultEndpointsProtocol must be 'http' or 'https'.";
            return null;
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var endpoints = new Uri?[3];
        string[] services = ["blob", "queue", "table"];
        for (var i = 0; i < services.Length; i++)
        {
            var setting = char.ToUpperInvariant(services[i][0]) + services[i][1..] + "Endpoint";
            if (settings.TryGetValue(setting, out var explicitEndpoint))
            {
                if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                {
                    error = $"{setting} is not an absolute http(s) URI.";
                    return null;
                }

                endpoints[i] = uri;
            }
            else if (!Uri.TryCreate($"{protocol}://{name}.{services[i]}.{suffix}", UriKind.Absolute, out endpoints[i]))
            {
                error = "EndpointSuffix does not form a valid host name.";
                return null;
            }
        }

        error = string.Empty;
        return new StorageConnectionString(name, key[..keyLength], endpoints[0]!, endpoints[1]!, endpoints[2]!, development: false);
    }
}
