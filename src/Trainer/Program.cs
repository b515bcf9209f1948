using Pipeline.Trainer.Commands;

return PipelineCli.Run(args);
