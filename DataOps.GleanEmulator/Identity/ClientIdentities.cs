namespace DataOps.GleanEmulator.Identity;

/// <summary>
/// Who a client API request searches as, the way Glean decides it: a user-scoped token as the user it was issued for
/// (<c>X-Glean-ActAs</c> must be empty), a global token as the user <c>X-Glean-ActAs</c> names (and it must name one).
/// OAuth access tokens (<c>X-Glean-Auth-Type: OAUTH</c>) are not modelled: the product does not use them.
/// </summary>
internal sealed class ClientIdentities
{
    public const string ActAsHeader = "X-Glean-ActAs";
    public const string AuthTypeHeader = "X-Glean-Auth-Type";

    private readonly Dictionary<string, string> _userTokens;
    private readonly HashSet<string> _globalTokens;

    public ClientIdentities(GleanEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _userTokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Split(options.ClientTokens))
        {
            var at = entry.IndexOf('=', StringComparison.Ordinal);
            var user = at < 0 ? string.Empty : entry[(at + 1)..].Trim();
            if (at <= 0 || !IsEmail(user))
            {
                throw new InvalidOperationException(
                    $"Emulator:ClientTokens entry '{(at <= 0 ? entry : entry[..at])}...' names no user: user-scoped client tokens are 'token=user@company.com' (a global token goes in Emulator:GlobalClientTokens)");
            }

            _userTokens[entry[..at].Trim()] = user;
        }

        _globalTokens = [.. Split(options.GlobalClientTokens)];
    }

    /// <summary>Every token the client API accepts.</summary>
    public IReadOnlySet<string> Tokens => _userTokens.Keys.Concat(_globalTokens).ToHashSet(StringComparer.Ordinal);

    /// <summary>The user the request searches as, or the status and message Glean refuses it with.</summary>
    public Resolution Resolve(string token, string? actAs, string? authType)
    {
        if (!string.IsNullOrEmpty(authType))
        {
            return Resolution.Refused(401, $"{AuthTypeHeader} '{authType}' is not supported here: only Glean-issued client tokens are (OAuth access tokens are not modelled)");
        }

        if (_userTokens.TryGetValue(token, out var user))
        {
            return string.IsNullOrEmpty(actAs)
                ? Resolution.As(user)
                : Resolution.Refused(403, $"a user-scoped token acts only as its own user: {ActAsHeader} must be empty");
        }

        if (string.IsNullOrWhiteSpace(actAs))
        {
            return Resolution.Refused(401, $"a global token must name the user it acts as in {ActAsHeader}");
        }

        return IsEmail(actAs.Trim())
            ? Resolution.As(actAs.Trim())
            : Resolution.Refused(400, $"{ActAsHeader} '{actAs}' is not an e-mail address");
    }

    private static bool IsEmail(string value) => value.Length > 2 && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1;

    private static string[] Split(string? tokens) =>
        (tokens ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Either the searching user or a refusal.</summary>
    internal readonly record struct Resolution(string? User, int Status, string? Message)
    {
        public static Resolution As(string user) => new(user, 200, null);

        public static Resolution Refused(int status, string message) => new(null, status, message);
    }
}
