using System.Text.RegularExpressions;
using DataOps.GleanEmulator.Contracts;

namespace DataOps.GleanEmulator.State;

/// <summary>Everything the emulator holds for one datasource. Guarded by the <see cref="EmulatorState"/> lock.</summary>
internal sealed class DatasourceState(CustomDatasourceConfig config)
{
    private CustomDatasourceConfig _config = config;
    private Regex? _urlRegex = Compile(config.UrlRegex);

    public string Name => _config.Name!;

    public CustomDatasourceConfig Config
    {
        get => _config;
        set
        {
            _config = value;
            _urlRegex = Compile(value.UrlRegex);
        }
    }

    public Dictionary<string, StoredDocument> Documents { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> BetaUsers { get; } = [];

    public List<UploadRecord> Uploads { get; } = [];

    public UploadRecord? ActiveUpload => Uploads.LastOrDefault(u => u.Status == UploadStatus.Active);

    public bool UrlMatches(string url) => _urlRegex is null || _urlRegex.IsMatch(url);

    public string Visibility => _config.IsTestDatasource == true
        ? BetaUsers.Count > 0 ? "ENABLED_FOR_TEST_GROUP" : "NOT_ENABLED"
        : "ENABLED_FOR_ALL";

    public static Regex? Compile(string? pattern) =>
        string.IsNullOrEmpty(pattern) ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
