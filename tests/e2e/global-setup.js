module.exports = async () => {
  await require('./server').start();
};
