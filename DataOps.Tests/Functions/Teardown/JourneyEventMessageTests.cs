using DataOps.Domain.Datasets;
using DataOps.Functions.Http;
using DataOps.Functions.Teardown;

namespace DataOps.Tests.Functions.Teardown;

public sealed class JourneyEventMessageTests
{
    private const string At = "2026-01-01T00:00:00Z";

    [Fact]
    public void Parse_TypeAfterTheFields_ReadsTheTypedStageChange()
    {
        var message = JourneyEventMessage.Parse($$"""{"journeyId":"j-1","clientId":"acme","fromStage":"sandbox","toStage":"pilot","occurredAt":"{{At}}","type":"JourneyStageChanged"}""");

        var validation = new RequestValidation();
        var input = Assert.IsType<JourneyStageChangedMessage>(message).ToTransition(validation, TimeSpan.FromHours(24));

        Assert.True(validation.IsValid);
        Assert.Equal(new JourneyTransitionInput(JourneyId.Create("j-1"), ClientId.Create("acme"), Stage.Sandbox, Stage.Pilot, false, DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(24)), input);
    }

    [Fact]
    public void Parse_ProvisionRequest_ReadsItWithTheHttpRequestReader()
    {
        var message = JourneyEventMessage.Parse("""{"type":"DatasetProvisionRequested","journeyId":"j-1","clientId":"acme","clientName":"ACME","industry":"healthcare","useCase":"clinical_workflows","stage":"sandbox","datasetTypes":["confluence_pages"],"requestedBy":"se@example.com"}""");

        var validation = new RequestValidation();
        var (input, occurredAt) = Assert.IsType<DatasetProvisionRequestedMessage>(message).ToRequest(validation);

        Assert.True(validation.IsValid);
        Assert.Equal(Stage.Sandbox, input!.Stage);
        Assert.Equal([DatasetType.ConfluencePages], input.DatasetTypes);
        Assert.Null(occurredAt);
    }

    [Theory]
    [InlineData("JourneyCompleted j-1 acme", "not JSON: ")]
    [InlineData("""[{"type":"JourneyCompleted"}]""", "the message must be a JSON object")]
    [InlineData("null", "the message must be a JSON object")]
    [InlineData("""{"type":"JourneyExploded","journeyId":"j-1"}""", "invalid journey event: type must be JourneyStageChanged, JourneyCompleted or DatasetProvisionRequested")]
    [InlineData("""{"journeyId":"j-1"}""", "invalid journey event: type is required, must be JourneyStageChanged, JourneyCompleted or DatasetProvisionRequested")]
    [InlineData("""{"type":7}""", "invalid journey event: type must be a string, not a number, must be JourneyStageChanged, JourneyCompleted or DatasetProvisionRequested")]
    public void Parse_NotAnEvent_IsMalformed(string text, string expected)
    {
        var error = Assert.Throws<MalformedMessageException>(() => JourneyEventMessage.Parse(text));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"JourneyStageChanged"}""", "invalid journey event: journeyId is required; clientId is required; occurredAt is required; fromStage is required; toStage is required")]
    [InlineData("""{"type":"JourneyCompleted","journeyId":42,"clientId":["acme"],"occurredAt":true}""", "invalid journey event: journeyId must be a string, not a number; clientId must be a string, not an array; occurredAt must be a string, not a boolean")]
    [InlineData("""{"type":"JourneyStageChanged","journeyId":"j-1","clientId":"acme","fromStage":"pilot","toStage":"pilot","occurredAt":"2026-01-01T00:00:00Z"}""", "invalid journey event: toStage must differ from fromStage")]
    [InlineData("""{"type":"JourneyStageChanged","journeyId":"j-1","clientId":"acme","fromStage":"staging","toStage":"pilot","occurredAt":"yesterday"}""", "invalid journey event: occurredAt must be an ISO 8601 date and time; fromStage is not one of: sandbox, pilot, production")]
    [InlineData("""{"type":"JourneyCompleted","journeyId":"j-\ud800","clientId":"acme","occurredAt":"2026-01-01T00:00:00Z"}""", "invalid journey event: journeyId " + RequestValidation.InvalidText)]
    public void Validate_InvalidFields_NamesEveryOneAsBefore(string text, string expected)
    {
        var validation = new RequestValidation();
        var transition = JourneyEventMessage.Parse(text) switch
        {
            JourneyStageChangedMessage changed => changed.ToTransition(validation, TimeSpan.Zero),
            JourneyCompletedMessage completed => completed.ToTransition(validation, TimeSpan.Zero),
            _ => throw new InvalidOperationException("unexpected event"),
        };

        Assert.Null(transition);
        Assert.Equal(expected, Assert.Throws<MalformedMessageException>(() => JourneyEventMessage.ThrowIfInvalid(validation)).Message);
    }
}
