// The body reader is shared by the bot's and the tab's HTTP endpoints: it lives in src/http now.
export * from '../../http/requestBody';
