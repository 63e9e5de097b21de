using DataOps.LocalHost.TaskHub;

namespace DataOps.Tests.LocalHost.TaskHub;

/// <summary>Recovering failure details from what the Azure Storage backend keeps: the history dump and the output.</summary>
public sealed class FailureDetailsReaderTests
{
    [Fact]
    public void FromHistory_ExecutionCompletedWithFailure_ReadsNestedDetails()
    {
        const string history = """
            [
              {"EventType":0,"Name":"Flow","Input":"\"x\""},
              {"EventType":1,"OrchestrationStatus":3,"Result":"outer","FailureDetails":{
                "ErrorType":"Microsoft.DurableTask.TaskFailedException","ErrorMessage":"outer","StackTrace":"at Flow",
                "InnerFailure":{"ErrorType":"System.TimeoutException","ErrorMessage":"inner","StackTrace":null,"InnerFailure":null,"Properties":null},
                "IsNonRetriable":false,"Properties":{"attempt":3,"ratio":0.5,"code":"E1","final":true,"none":null,"list":[1,2]}}},
              {"EventType":13}
            ]
            """;

        var failure = FailureDetailsReader.FromHistory(history);

        Assert.NotNull(failure);
        Assert.Equal("Microsoft.DurableTask.TaskFailedException", failure.ErrorType);
        Assert.Equal("outer", failure.ErrorMessage);
        Assert.Equal("at Flow", failure.StackTrace);
        Assert.Equal("System.TimeoutException", failure.InnerFailure?.ErrorType);
        Assert.Equal("inner", failure.InnerFailure?.ErrorMessage);
        Assert.Null(failure.InnerFailure?.InnerFailure);
        Assert.True(failure.InnerFailure!.IsCausedBy<TimeoutException>());
        Assert.Equal(3L, failure.Properties!["attempt"]);
        Assert.Equal(0.5, failure.Properties["ratio"]);
        Assert.Equal("E1", failure.Properties["code"]);
        Assert.Equal(true, failure.Properties["final"]);
        Assert.Null(failure.Properties["none"]);
        Assert.Equal("[1,2]", failure.Properties["list"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""[{"EventType":0},{"EventType":1,"OrchestrationStatus":1,"Result":"\"ok\"","FailureDetails":null}]""")]
    public void FromHistory_NoFailureOnRecord_ReturnsNull(string? history)
    {
        Assert.Null(FailureDetailsReader.FromHistory(history));
    }

    [Fact]
    public void FromOutput_TypeAndMessage_SplitsAtTheFirstSeparator()
    {
        var failure = FailureDetailsReader.FromOutput("System.InvalidOperationException: step 2: no rows");

        Assert.Equal("System.InvalidOperationException", failure?.ErrorType);
        Assert.Equal("step 2: no rows", failure?.ErrorMessage);
        Assert.Null(failure?.StackTrace);
    }

    [Theory]
    [InlineData("something broke")]
    [InlineData("it broke: badly")]
    public void FromOutput_NoTypePrefix_KeepsTheWholeTextAsMessage(string output)
    {
        var failure = FailureDetailsReader.FromOutput(output);

        Assert.Equal("(unknown)", failure?.ErrorType);
        Assert.Equal(output, failure?.ErrorMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FromOutput_NoOutput_ReturnsNull(string? output)
    {
        Assert.Null(FailureDetailsReader.FromOutput(output));
    }
}
