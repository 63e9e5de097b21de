using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Glean.Model;

namespace DataOps.Tests.Glean;

/// <summary>The connector model travels as activity input and output, so it must survive JSON.</summary>
public sealed class GleanModelSerializationTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void GleanConnector_JsonRoundTrip_IsEqual()
    {
        var connector = ConnectorConfigTranslator.FromSpec(
            new ConnectorSpec("ACME-pilot-slack", DatasetType.SlackMessages, Stage.Pilot, new Uri("https://acme.example.com/")),
            ["se@example.com"]);

        var back = JsonSerializer.Deserialize<GleanConnector>(JsonSerializer.Serialize(connector, Json), Json);

        Assert.Equal(connector, back);
    }

    [Fact]
    public void ConnectorHealth_JsonRoundTrip_KeepsTheVerdict()
    {
        var health = new ConnectorHealth("c", "d", true, true, true, 5, 5, TimeSpan.FromMilliseconds(12), true, DateTimeOffset.UnixEpoch, []);

        var back = JsonSerializer.Deserialize<ConnectorHealth>(JsonSerializer.Serialize(health, Json), Json)!;

        Assert.True(back.Healthy);
        Assert.Equal(health.ResponseTime, back.ResponseTime);
    }
}
