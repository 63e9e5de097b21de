using DataOps.Glean.Model;
using System.Text.RegularExpressions;

namespace DataOps.Glean.Documents;

/// <summary>What a transformer needs to know about the target connector, with its url regex compiled once.</summary>
internal sealed class DocumentContext(GleanConnector connector)
{
    private readonly Regex _urlRegex = new(connector.UrlRegex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public GleanConnector Connector => connector;

    public bool UrlMatches(string url) => _urlRegex.IsMatch(url);
}
